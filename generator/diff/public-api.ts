// The public API a model generates, as flat comparable entries: operations, their
// parameters, structures and their fields. This dump is what `docsdk diff` compares, so
// it holds exactly the facts that reach the SDK or the OpenAPI file, as text.
import type { Field, Pagination, Provenance, Structure, TypeRef } from '../model/types.js';
import type { ModelParts } from './model-file-parts.js';
import { typeText } from '../model/refs.js';

/** How generated code uses a structure: sent in requests, received in responses, or both. */
export type Usage = 'input' | 'output';

export interface FieldFacts {
  type: string;
  required: boolean;
  enum?: string[];
  /** The listed values are all the type accepts (otherwise an open union: any value of the base type). */
  enumClosed?: true;
  maxItems?: number;
  in?: Field['in'];
  default?: string;
  description: string;
  example?: string;
  nullable?: true;
  format?: string;
  /** `read-only` / `write-only`. */
  access?: 'read-only' | 'write-only';
}

export type ApiEntry =
  | {
      kind: 'operation';
      http: string;
      response?: string;
      summary: string;
      description: string;
      responseExample?: string;
      /** `page/limit: data.list of data.totalCount`, for an operation with an iterator. */
      pagination?: string;
      /** The request body: type, `!` when required, media types. */
      body?: string;
      /** Responses by status with their types: `200 Pet, 404`. */
      responses?: string;
      /** Security alternatives: `a & b | c`; empty when none is needed. */
      security?: string;
      source: Provenance;
    }
  | ({ kind: 'param'; source: Provenance } & FieldFacts)
  | {
      kind: 'structure';
      usage: Usage[];
      /** What the structure is beyond its fields: its type when it is no object, compositions, additionalProperties. */
      shape?: string;
      source: Provenance;
    }
  | ({ kind: 'field'; usage: Usage[]; source: Provenance } & FieldFacts);

/**
 * Entries keyed by location: `Client.operation`, `Client.operation(param)`, `Structure`,
 * `Structure.field`. Keys are sorted so dumps and diffs read in a stable order.
 */
export type PublicApi = Map<string, ApiEntry>;

function paginationText(p: Pagination): string {
  return `${p.pageParam}/${p.sizeParam}: ${p.itemsPath.join('.')} of ${p.totalPath.join('.')}`;
}


function refsOf(type: TypeRef): string[] {
  return type.kind === 'ref' ? [type.ref] : type.kind === 'array' ? refsOf(type.items) : [];
}

function fieldFacts(field: Field): FieldFacts {
  return {
    type: typeText(field.type),
    required: field.required,
    ...(field.enum && { enum: field.enum }),
    ...(field.enum && field.enumClosed && { enumClosed: true }),
    ...(field.maxItems !== undefined && { maxItems: field.maxItems }),
    ...(field.in && { in: field.in }),
    ...(field.default !== undefined && { default: String(field.default) }),
    description: field.description,
    ...(field.example !== undefined && { example: field.example }),
    ...(field.nullable && { nullable: true as const }),
    ...(field.format !== undefined && { format: field.format }),
    ...(field.readOnly ? { access: 'read-only' as const } : field.writeOnly ? { access: 'write-only' as const } : {}),
  };
}

/** A structure's shape beyond its fields, as text; undefined for a plain object. */
function shapeText(s: Structure): string | undefined {
  const parts: string[] = [];
  if (s.value) parts.push(`value ${typeText(s.value.type)}${s.value.nullable ? '|null' : ''}${s.value.enum ? ` enum ${s.value.enum.join('|')}` : ''}`);
  for (const c of s.compositions ?? []) parts.push(`${c.kind}(${c.members.map(typeText).join(', ')})`);
  if (s.additionalProperties) parts.push(`additionalProperties ${typeText(s.additionalProperties.type)}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** Every type a structure's definition names: fields, value, members, additional properties. */
function structureRefs(s: Structure | undefined): string[] {
  if (!s) return [];
  const types = [...s.fields.map((f) => f.type), ...(s.value ? [s.value.type] : []), ...(s.additionalProperties ? [s.additionalProperties.type] : []), ...(s.compositions ?? []).flatMap((c) => c.members)];
  return types.flatMap(refsOf);
}

/** Structures reachable from request parameters (input) and from responses (output). */
function structureUsage(model: ModelParts): Map<string, Set<Usage>> {
  const usage = new Map<string, Set<Usage>>();
  const visit = (name: string, as: Usage): void => {
    const seen = usage.get(name) ?? new Set<Usage>();
    if (seen.has(as)) return;
    usage.set(name, seen.add(as));
    for (const ref of structureRefs(model.structures[name])) visit(ref, as);
  };
  for (const op of model.clients.flatMap((c) => c.operations)) {
    for (const p of op.params) for (const ref of refsOf(p.type)) visit(ref, 'input');
    for (const ref of op.requestBody ? refsOf(op.requestBody.type) : []) visit(ref, 'input');
    if (op.response) visit(op.response, 'output');
    for (const r of op.responses ?? []) for (const ref of r.type ? refsOf(r.type) : []) visit(ref, 'output');
  }
  return usage;
}

export const operationKey = (client: string, operation: string) => `${client}.${operation}`;
/** What joins an operation's key and a parameter's name, and a structure's and a field's, in a member's key. */
export const MEMBER_SEPARATORS = { param: '(', field: '.' } as const;
export const paramKey = (operation: string, param: string) => `${operation}${MEMBER_SEPARATORS.param}${param})`;
export const fieldKey = (structure: string, field: string) => `${structure}${MEMBER_SEPARATORS.field}${field}`;

/** The key of the operation or structure a parameter's or field's key names as its own (what `docsdk diff` reads back). */
export function parentKey(key: string, kind: 'param' | 'field'): string {
  return key.slice(0, key.indexOf(MEMBER_SEPARATORS[kind]));
}

/** Operations (by key) and structures (by name) whose entries a dump leaves out. */
export interface Omitted {
  operations: ReadonlySet<string>;
  structures: ReadonlySet<string>;
}

const NOTHING: Omitted = { operations: new Set(), structures: new Set() };

/** The dump of `model`, but the entries of what `omit` names (which still count for the structures' usage). */
export function publicApi(model: ModelParts, omit: Omitted = NOTHING): PublicApi {
  const entries: [string, ApiEntry][] = [];
  for (const client of model.clients) {
    for (const op of client.operations) {
      const at = operationKey(client.name, op.name);
      if (omit.operations.has(at)) continue;
      entries.push([
        at,
        {
          kind: 'operation',
          http: `${op.http.verb} ${op.http.path}`,
          ...(op.response && { response: op.response }),
          summary: op.summary,
          description: op.description,
          ...(op.responseExample !== undefined && { responseExample: op.responseExample }),
          ...(op.pagination && { pagination: paginationText(op.pagination) }),
          ...(op.requestBody && { body: `${typeText(op.requestBody.type)}${op.requestBody.required ? '!' : ''} ${op.requestBody.mediaTypes.join(', ')}` }),
          ...(op.responses && { responses: op.responses.map((r) => (r.type ? `${r.status} ${typeText(r.type)}` : r.status)).join(', ') }),
          ...(op.security && { security: op.security.map((all) => all.join(' & ')).join(' | ') }),
          source: op.source,
        },
      ]);
      for (const p of op.params) entries.push([paramKey(at, p.name), { kind: 'param', ...fieldFacts(p), source: p.source }]);
    }
  }
  let usage: Map<string, Set<Usage>> | undefined;
  for (const s of Object.values(model.structures)) {
    if (omit.structures.has(s.name)) continue;
    // Walked once, and only when a structure is dumped.
    usage ??= structureUsage(model);
    // A structure no operation reaches is still an exported type: treat it as used both ways.
    const used: Usage[] = usage.has(s.name) ? [...usage.get(s.name)!].sort() : ['input', 'output'];
    const shape = shapeText(s);
    entries.push([s.name, { kind: 'structure', usage: used, ...(shape !== undefined && { shape }), source: s.source }]);
    for (const f of s.fields) entries.push([fieldKey(s.name, f.name), { kind: 'field', usage: used, ...fieldFacts(f), source: f.source }]);
  }
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
