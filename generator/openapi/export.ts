import { defaultMismatch } from '../model/defaults.js';
import type { Field, Model, Operation, Structure, TypeRef } from '../model/types.js';
import { operationIds } from './operation-ids.js';

// The model as an OpenAPI 3.1 document. Plain objects, keys in a fixed order, so the same
// model always gives the same bytes.

type Schema = Record<string, unknown>;

export interface OpenApiOptions {
  title?: string;
  version?: string;
}

export function toOpenApi(model: Model, options: OpenApiOptions = {}): Schema {
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = operationIds(model);
  for (const client of model.clients) {
    for (const op of client.operations) {
      const item = (paths[op.http.path] ??= {});
      item[op.http.verb.toLowerCase()] = operationObject(client.name, op, ids.get(op)!);
    }
  }
  const schemas: Record<string, Schema> = Object.create(null);
  for (const [name, s] of Object.entries(model.structures)) schemas[name] = structureSchema(s);
  return {
    openapi: '3.1.0',
    info: { title: options.title ?? 'API recovered from doc pages', version: options.version ?? '0.0.0' },
    tags: model.clients.map((c) => ({ name: c.name })),
    paths: sortedRecord(paths),
    components: { schemas },
  };
}

function operationObject(client: string, op: Operation, operationId: string): Schema {
  const result: Schema = { operationId, tags: [client], summary: op.summary };
  if (op.description) result.description = op.description;
  const query = op.params.filter((p) => p.in === 'query');
  const body = op.params.filter((p) => p.in !== 'query');
  if (query.length) {
    result.parameters = query.map((p) => ({
      name: p.name,
      in: 'query',
      required: p.required,
      ...(p.description ? { description: p.description } : {}),
      schema: fieldSchema(p),
      ...(p.example !== undefined ? { example: p.example } : {}),
    }));
  }
  if (body.length) {
    const required = body.filter((p) => p.required).map((p) => p.name);
    result.requestBody = {
      required: required.length > 0,
      content: {
        'application/json': {
          schema: { type: 'object', properties: propertiesOf(body), ...(required.length ? { required } : {}) },
        },
      },
    };
  }
  const response: Schema = { description: op.response ?? 'Response' };
  if (op.response) {
    response.content = {
      'application/json': {
        schema: { $ref: `#/components/schemas/${encodeRefName(op.response)}` },
        ...(op.responseExample !== undefined ? { example: parseExample(op.responseExample) } : {}),
      },
    };
  }
  result.responses = { '200': response };
  result['x-docsdk-source'] = op.source.file;
  // The SDK's method name, where the operationId had to differ from it (read back by `docsdk diff`).
  if (operationId !== op.name) result['x-docsdk-name'] = op.name;
  if (op.pagination) result['x-docsdk-pagination'] = structuredClone(op.pagination);
  Object.assign(result, marks(op));
  return result;
}

/** `x-docsdk-inferred`, `x-docsdk-verified`, `x-docsdk-configured`: how each fact the page did not show was settled. */
function marks(item: Operation | Field): Schema {
  const out: Schema = {};
  for (const mark of ['inferred', 'verified', 'configured'] as const) {
    const facts = item[mark];
    if (facts?.length) out[`x-docsdk-${mark}`] = [...facts];
  }
  return out;
}

function structureSchema(s: Structure): Schema {
  const required = s.fields.filter((f) => f.required).map((f) => f.name);
  const schema: Schema = { type: 'object', properties: propertiesOf(s.fields) };
  if (required.length) schema.required = required;
  if (s.placeholder) schema.description = 'Referenced by the docs but defined on no page.';
  if (s.fields.length === 0) schema.additionalProperties = true;
  schema['x-docsdk-source'] = s.source.file;
  return schema;
}

function propertiesOf(fields: Field[]): Record<string, Schema> {
  const props: Record<string, Schema> = Object.create(null);
  for (const f of fields) props[f.name] = fieldSchema(f);
  return props;
}

function fieldSchema(f: Field): Schema {
  const schema = typeSchema(f.type);
  const extra: Schema = {};
  if (f.description) extra.description = f.description;
  if (f.enum) {
    const values = enumSchema(f);
    if (f.type.kind === 'array') Object.assign(schema.items as Schema, values);
    else Object.assign(extra, values);
  }
  // A default that does not fit the type (text for a number) is no schema default: it is kept as the page wrote it.
  if (f.default !== undefined) extra[defaultMismatch(f.default, f.type) ? 'x-docsdk-default' : 'default'] = f.default;
  if (f.example !== undefined) extra.examples = [f.example];
  if (f.maxItems !== undefined && f.type.kind === 'array') extra.maxItems = f.maxItems;
  Object.assign(extra, marks(f));
  // $ref siblings are allowed in 3.1; keep the reference itself first for readers.
  return { ...schema, ...extra };
}

/**
 * Open lists: `enum` as the page lists it (readers still see the values) with
 * `x-docsdk-open-enum: true`, as a validator reading `enum` alone would refuse other values.
 */
function enumSchema(f: Field): Schema {
  return f.enumClosed ? { enum: f.enum } : { enum: f.enum, [OPEN_ENUM]: true };
}

/** The OpenAPI extension that marks a field's `enum` as open (see README "OpenAPI file"). */
export const OPEN_ENUM = 'x-docsdk-open-enum';

function typeSchema(t: TypeRef): Schema {
  if (t.kind === 'ref') return { $ref: `#/components/schemas/${encodeRefName(t.ref)}` };
  if (t.kind === 'array') return { type: 'array', items: typeSchema(t.items) };
  if (t.type === 'unknown') return {};
  return { type: t.type };
}

/** JSON Pointer escaping for a component name inside a `$ref`. */
function encodeRefName(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function parseExample(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
