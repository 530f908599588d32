import type { PageOperation } from '../parse/page.js';
import { pageStem } from '../parse/names.js';
import type { Field, HttpVerb, Operation, Structure, TypeRef } from './types.js';
import { refOf } from './refs.js';

// What the pages do not show, inferred by documented rules (README "Inference rules").
// Every inferred fact is listed in `inferred`; docsdk.config.json overrides any of them.

export interface InferOptions {
  /** Path prefix the page file names are relative to. */
  basePath: string;
}


/**
 * Verb rule: GET when the method name starts with a reading verb and every parameter fits
 * in a query string (primitives and arrays of primitives); POST otherwise.
 */
const READING_VERBS = /^(get|list|search|find|query|fetch|read|count|export|detail|describe|show|view)(?![a-z])/;

export function inferVerb(name: string, params: Field[]): HttpVerb {
  return READING_VERBS.test(name) && params.every(isQueryable) ? 'GET' : 'POST';
}

function isQueryable(f: Field): boolean {
  const t = f.type.kind === 'array' ? f.type.items : f.type;
  return t.kind === 'primitive' && t.type !== 'object' && t.type !== 'unknown';
}

/** Path rule: the base path followed by the page's file name (`get-user-groups`). */
export function inferPath(file: string, basePath: string): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  // Encoded so a file name with `?`, `#`, `%` or spaces stays one path segment.
  return base + encodeURIComponent(pageStem(file));
}

/** Where parameters go for a verb: the query string for GET and DELETE, a JSON body otherwise. */
export function paramLocation(verb: HttpVerb): 'query' | 'body' {
  return verb === 'GET' || verb === 'DELETE' ? 'query' : 'body';
}

export function inferHttp(op: PageOperation & { client: string }, options: InferOptions): Operation {
  const verb = inferVerb(op.name, op.params);
  const where = paramLocation(verb);
  return {
    ...op,
    http: { verb, path: inferPath(op.source.file, options.basePath) },
    params: op.params.map((p) => ({ ...p, in: where })),
    inferred: [...op.inferred, 'http.verb', 'http.path'],
  };
}

/**
 * Item rule for a response's untyped array (`data | array` with no nested-type link): a
 * page documents every structure reachable from its response, so when exactly one
 * structure on the page is referenced from nowhere and exactly one response array is
 * untyped, that structure is the array's item type (marked inferred).
 */
export function inferResponseItems(responseFields: Field[], params: Field[], pageStructures: Structure[]): Field[] {
  const untyped = responseFields.filter((f) => f.type.kind === 'array' && isUnknown(f.type.items));
  if (untyped.length !== 1) return responseFields;
  const referenced = new Set([...params, ...responseFields, ...pageStructures.flatMap((s) => s.fields)].map((f) => refOf(f.type)));
  const orphans = pageStructures.filter((s) => !referenced.has(s.name) && !responseFields.includes(s.fields[0]));
  if (orphans.length !== 1) return responseFields;
  const items: TypeRef = { kind: 'ref', ref: orphans[0].name };
  return responseFields.map((f) => (f === untyped[0] ? { ...f, type: { kind: 'array', items } } : f));
}

function isUnknown(t: TypeRef): boolean {
  return t.kind === 'primitive' && t.type === 'unknown';
}
