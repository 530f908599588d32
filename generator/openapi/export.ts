import { defaultMismatch } from '../model/defaults.js';
import type { Field, Model, Operation, OperationResponse, SecurityScheme, Structure, TypeRef } from '../model/types.js';
import { operationIds } from './operation-ids.js';

// The model as an OpenAPI 3.1 document. Plain objects, keys in a fixed order, so the same
// model always gives the same bytes.

type Schema = Record<string, unknown>;

export interface OpenApiOptions {
  title?: string;
  version?: string;
}

/**
 * How the operation objects and the component schemas are made: `make` makes one afresh, and
 * the openapi file (openapi/file.ts) may put in its place the one the previous file holds.
 * `operation` is called once per operation in the model's order (its clients', then each
 * one's operations), `schema` once per structure shown as a component, in the structures' order.
 */
export interface OpenApiParts {
  operation(client: string, operationId: string, make: () => Schema): unknown;
  schema(key: string, make: () => Schema): unknown;
}

export function toOpenApi(model: Model, options: OpenApiOptions = {}, parts?: OpenApiParts): Schema {
  const inline = inlineStructures(model);
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = operationIds(model);
  for (const client of model.clients) {
    for (const op of client.operations) {
      const item = (paths[op.http.path] ??= {});
      // A page that shows the operationId (Widdershins) names it; else the method name, unique across clients.
      const operationId = op.operationId ?? ids.get(op)!;
      item[op.http.verb.toLowerCase()] = parts ? parts.operation(client.name, operationId, () => operationObject(client.name, op, operationId, inline)) : operationObject(client.name, op, operationId, inline);
    }
  }
  const schemas: Record<string, unknown> = Object.create(null);
  for (const [name, s] of Object.entries(model.structures)) if (!s.inline) schemas[name] = parts ? parts.schema(name, () => structureSchema(s, inline)) : structureSchema(s, inline);
  const tags = [...new Set(model.clients.flatMap((c) => c.operations.map((o) => o.tag ?? c.name)))];
  const components: Schema = { schemas };
  if (model.securitySchemes) components.securitySchemes = Object.fromEntries(Object.entries(model.securitySchemes).map(([name, s]) => [name, securitySchemeObject(s)]));
  return {
    openapi: '3.1.0',
    info: { title: options.title ?? 'API recovered from doc pages', version: options.version ?? '0.0.0' },
    ...(model.servers ? { servers: model.servers.map((url) => ({ url })) } : {}),
    tags: tags.map((name) => ({ name })),
    paths: sortedRecord(paths),
    components,
  };
}

/** Structures the pages show inline (under no name): written in place, not as components. */
type InlineStructures = ReadonlyMap<string, Structure>;

function inlineStructures(model: Model): InlineStructures {
  return new Map(Object.values(model.structures).filter((s) => s.inline).map((s) => [s.name, s]));
}

function securitySchemeObject(s: SecurityScheme): Schema {
  const description = s.description ? { description: s.description } : {};
  if (s.type === 'apiKey') return { type: 'apiKey', in: s.in, name: s.name, ...description };
  if (s.type === 'http') return { type: 'http', scheme: s.scheme, ...description };
  // The page names no flows or URLs: an empty set says so without inventing one.
  return s.type === 'oauth2' ? { type: 'oauth2', flows: {}, ...description } : { type: 'openIdConnect', openIdConnectUrl: '', ...description };
}

function operationObject(client: string, op: Operation, operationId: string, inline: InlineStructures): Schema {
  const result: Schema = { operationId, tags: [op.tag ?? client], summary: op.summary };
  if (op.description) result.description = op.description;
  const located = op.params.filter((p) => p.in !== undefined && p.in !== 'body');
  const body = op.params.filter((p) => p.in === undefined || p.in === 'body');
  if (located.length) {
    result.parameters = located.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      ...(p.description ? { description: p.description } : {}),
      schema: fieldSchema(p, inline),
      ...(p.example !== undefined ? { example: p.example } : {}),
    }));
  }
  if (op.requestBody) {
    const schema = typeSchema(op.requestBody.type, inline);
    result.requestBody = {
      required: op.requestBody.required,
      content: Object.fromEntries(op.requestBody.mediaTypes.map((type) => [type, { schema }])),
    };
  } else if (body.length) {
    const required = body.filter((p) => p.required).map((p) => p.name);
    result.requestBody = {
      required: required.length > 0,
      content: {
        'application/json': {
          schema: { type: 'object', properties: propertiesOf(body, inline), ...(required.length ? { required } : {}) },
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
  result.responses = op.responses ? responsesObject(op.responses, inline) : { '200': response };
  if (op.security) result.security = op.security.map((all) => Object.fromEntries(all.map((name) => [name, []])));
  result['x-docsdk-source'] = op.source.file;
  // The SDK's method name, where the operationId had to differ from it (read back by `docsdk diff`).
  if (operationId !== op.name) result['x-docsdk-name'] = op.name;
  if (op.pagination) result['x-docsdk-pagination'] = structuredClone(op.pagination);
  addMarks(result, op);
  return result;
}

const MARKS = ['inferred', 'verified', 'configured'] as const;

/** Adds `x-docsdk-inferred`, `x-docsdk-verified`, `x-docsdk-configured`: how each fact the page did not show was settled. */
function addMarks(schema: Schema, item: Operation | Field): void {
  for (const mark of MARKS) {
    const facts = item[mark];
    if (facts?.length) schema[`x-docsdk-${mark}`] = [...facts];
  }
}

function responsesObject(responses: OperationResponse[], inline: InlineStructures): Schema {
  const out: Schema = {};
  for (const r of responses) {
    const response: Schema = { description: r.description };
    if (r.type) response.content = { [r.mediaType ?? 'application/json']: { schema: typeSchema(r.type, inline) } };
    out[r.status] = response;
  }
  return out;
}

function structureSchema(s: Structure, inline: InlineStructures): Schema {
  if (s.value) {
    const { description: _own, ...value } = fieldSchema(s.value, inline);
    return { ...value, ...(s.description ? { description: s.description } : {}), 'x-docsdk-source': s.source.file };
  }
  const required = s.fields.filter((f) => f.required).map((f) => f.name);
  const composedOnly = s.compositions !== undefined && s.fields.length === 0 && !s.additionalProperties;
  const schema: Schema = composedOnly ? {} : s.untyped ? { properties: propertiesOf(s.fields, inline) } : { type: 'object', properties: propertiesOf(s.fields, inline) };
  if (required.length) schema.required = required;
  if (s.placeholder) schema.description = 'Referenced by the docs but defined on no page.';
  else if (s.description) schema.description = s.description;
  if (s.additionalProperties) schema.additionalProperties = fieldSchema(s.additionalProperties, inline);
  else if (s.fields.length === 0 && !composedOnly) schema.additionalProperties = true;
  for (const c of s.compositions ?? []) schema[c.kind] = c.members.map((m) => typeSchema(m, inline));
  schema['x-docsdk-source'] = s.source.file;
  return schema;
}

function propertiesOf(fields: Field[], inline: InlineStructures): Record<string, Schema> {
  const props: Record<string, Schema> = Object.create(null);
  for (const f of fields) props[f.name] = fieldSchema(f, inline);
  return props;
}

function fieldSchema(f: Field, inline: InlineStructures): Schema {
  // The type's own keys first ($ref siblings are allowed in 3.1; the reference stays first for
  // readers), then the field's, added to the fresh schema typeSchema made.
  const schema = typeSchema(f.type, inline);
  if (f.nullable) nullable(schema);
  if (f.format !== undefined && f.type.kind === 'primitive') schema.format = f.format;
  if (f.description) schema.description = f.description;
  if (f.readOnly) schema.readOnly = true;
  if (f.writeOnly) schema.writeOnly = true;
  if (f.enum) Object.assign(f.type.kind === 'array' ? (schema.items as Schema) : schema, enumSchema(f, f.enum));
  // A default that does not fit the type (text for a number) is no schema default: it is kept as the page wrote it.
  if (f.default !== undefined) schema[defaultMismatch(f.default, f.type) ? 'x-docsdk-default' : 'default'] = f.default;
  if (f.example !== undefined) schema.examples = [f.example];
  if (f.maxItems !== undefined && f.type.kind === 'array') schema.maxItems = f.maxItems;
  addMarks(schema, f);
  return schema;
}

/**
 * Open lists: `enum` as the page lists it (readers still see the values) with
 * `x-docsdk-open-enum: true`, as a validator reading `enum` alone would refuse other values.
 */
function enumSchema(f: Field, listed: string[]): Schema {
  // Pages of a profile that shows typed values (Widdershins' integer enums) keep their types.
  const values = f.source.profile ? typedValues(listed, f.type) : listed;
  return f.enumClosed ? { enum: values } : { enum: values, [OPEN_ENUM]: true };
}

/** The OpenAPI extension that marks a field's `enum` as open (see README "OpenAPI file"). */
export const OPEN_ENUM = 'x-docsdk-open-enum';

function typeSchema(t: TypeRef, inline: InlineStructures): Schema {
  if (t.kind === 'ref') {
    const shown = inline.get(t.ref);
    if (shown) {
      const { 'x-docsdk-source': _source, ...schema } = structureSchema(shown, inline);
      return schema;
    }
    return { $ref: `#/components/schemas/${encodeRefName(t.ref)}` };
  }
  if (t.kind === 'array') return { type: 'array', items: typeSchema(t.items, inline) };
  if (t.type === 'unknown') return {};
  return { type: t.type };
}

/** 3.1's way: `null` among the types (a `$ref` or untyped schema stays as it is). */
function nullable(schema: Schema): void {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
}

/** Enum values as the field's type reads them (`1` is a number for an integer field). */
function typedValues(values: string[], type: TypeRef): unknown[] {
  const t = type.kind === 'array' ? type.items : type;
  if (t.kind !== 'primitive') return values;
  return values.map((v) => {
    if ((t.type === 'integer' || t.type === 'number') && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v)) return Number(v);
    if (t.type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
    return v;
  });
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

/** By key, in code unit order (the default sort's), as a record with no prototype: hundreds of keys are added to a dictionary at once, not one hidden class each. */
function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = Object.create(null);
  for (const key of Object.keys(record).sort()) sorted[key] = record[key];
  return sorted;
}
