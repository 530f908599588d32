// Reads an OpenAPI 3.x document back into a model, so `docsdk diff` can compare two
// openapi.json files (ours or anyone's) with the same public-API rules as two models.
// Facts OpenAPI does not carry (raw method name, table rows) are filled from what it has.
import type { Client, Field, HttpVerb, Model, Operation, Provenance, Structure, TypeRef } from '../model/types.js';
import { methodOfOperationId } from '../openapi/operation-ids.js';
import { OPEN_ENUM } from '../openapi/export.js';

type Schema = Record<string, any>;

const VERBS: HttpVerb[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PRIMITIVE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object']);

/** `#/components/schemas/UserDto` -> `UserDto` (JSON Pointer unescaped). */
function refName(ref: string): string {
  return ref.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~');
}

function schemaType(s: Schema | undefined): TypeRef {
  if (!s) return { kind: 'primitive', type: 'unknown' };
  if (typeof s.$ref === 'string') return { kind: 'ref', ref: refName(s.$ref) };
  const composed = (s.allOf ?? s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (composed?.length === 1) return schemaType(composed[0]);
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  if (type === 'array') return { kind: 'array', items: schemaType(s.items) };
  return { kind: 'primitive', type: PRIMITIVE_TYPES.has(type) ? type : 'unknown' };
}

function schemaField(name: string, s: Schema, required: boolean, source: Provenance, extra: Partial<Field> = {}): Field {
  const listing: Schema | undefined = Array.isArray(s.enum) ? s : Array.isArray(s.items?.enum) ? s.items : undefined;
  const values = listing?.enum as unknown[] | undefined;
  const example = extra.example ?? (Array.isArray(s.examples) ? s.examples[0] : s.example);
  return {
    name,
    type: schemaType(s),
    required,
    description: extra.description ?? s.description ?? '',
    ...(s.default !== undefined && { default: s.default }),
    ...(example !== undefined && { example: typeof example === 'string' ? example : JSON.stringify(example) }),
    ...(values && { enum: values.map(String) }),
    // `enum` alone is closed (JSON Schema); docsdk marks the open ones.
    ...(values && listing?.[OPEN_ENUM] !== true && { enumClosed: true as const }),
    ...(typeof s.maxItems === 'number' && { maxItems: s.maxItems }),
    ...(extra.in && { in: extra.in }),
    source,
  };
}

function objectFields(s: Schema, source: (name: string) => Provenance, where?: 'body'): Field[] {
  const required = new Set<string>(s.required ?? []);
  return Object.entries((s.properties ?? {}) as Record<string, Schema>).map(([name, prop]) =>
    schemaField(name, prop, required.has(name), source(name), where && { in: where }),
  );
}

function operationFrom(doc: Schema, path: string, verb: HttpVerb, op: Schema): Operation {
  const file = op['x-docsdk-source'] ?? `${verb} ${path}`;
  const at = (section: string): Provenance => ({ file, section });
  const params: Field[] = (op.parameters ?? [])
    .map((p: Schema) => (p.$ref ? resolve(doc, p.$ref) : p))
    .filter((p: Schema) => p.in === 'query' || p.in === 'path')
    .map((p: Schema) =>
      schemaField(p.name, p.schema ?? {}, Boolean(p.required), at('params'), { in: 'query', description: p.description, example: p.example }),
    );
  let body: Schema | undefined = op.requestBody?.content?.['application/json']?.schema;
  if (body?.$ref) body = resolve(doc, body.$ref);
  if (body) params.push(...objectFields(body, () => at('params'), 'body'));

  const content = op.responses?.['200']?.content ?? op.responses?.['201']?.content ?? {};
  const media: Schema | undefined = content['application/json'] ?? Object.values(content)[0];
  const response = media?.schema?.$ref ? refName(media.schema.$ref) : undefined;
  const client: string = op.tags?.[0] ?? 'Client';
  const name = methodName(op, client) ?? `${verb.toLowerCase()}${path}`;
  return {
    name,
    rawName: name,
    client,
    summary: op.summary ?? '',
    description: op.description ?? '',
    http: { verb, path },
    params,
    ...(response && { response }),
    ...(media?.example !== undefined && {
      responseExample: typeof media.example === 'string' ? media.example : JSON.stringify(media.example, null, 2),
    }),
    ...(op['x-docsdk-pagination'] && { pagination: op['x-docsdk-pagination'] }),
    inferred: op['x-docsdk-inferred'] ?? [],
    source: at('method'),
  };
}

/**
 * The SDK method an operation is: docsdk's export names it in `x-docsdk-name` where the
 * operationId had to be made unique; elsewhere (older files, other tools) a method two
 * clients share has a client-prefixed operationId: the same method as on the pages.
 */
function methodName(op: Schema, client: string): string | undefined {
  if (typeof op['x-docsdk-name'] === 'string') return op['x-docsdk-name'];
  return typeof op.operationId === 'string' ? methodOfOperationId(op.operationId, client) : undefined;
}

function resolve(doc: Schema, ref: string): Schema {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node: Schema | undefined, key) => node?.[key], doc) ?? {};
}

export function isOpenApiDocument(data: unknown): data is Schema {
  return typeof data === 'object' && data !== null && typeof (data as Schema).openapi === 'string';
}

export function modelFromOpenApi(doc: Schema): Model {
  const clients = new Map<string, Operation[]>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Schema>)) {
    for (const verb of VERBS) {
      const op = item[verb.toLowerCase()];
      if (!op) continue;
      const operation = operationFrom(doc, path, verb, op);
      clients.set(operation.client, [...(clients.get(operation.client) ?? []), operation]);
    }
  }
  // No prototype: a schema named `__proto__` is a structure like any other (as in buildModel).
  const structures: Record<string, Structure> = Object.create(null);
  for (const [name, s] of Object.entries((doc.components?.schemas ?? {}) as Record<string, Schema>)) {
    const file = s['x-docsdk-source'] ?? `#/components/schemas/${name}`;
    const source = { file, section: `structure:${name}` };
    structures[name] = { name, fields: objectFields(s, () => source), source, seenIn: [file] };
  }
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const clientList: Client[] = [...clients].map(([name, operations]) => ({ name, operations: operations.sort(byName) }));
  return { modelVersion: 1, clients: clientList.sort(byName), structures, diagnostics: [] };
}
