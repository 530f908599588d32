// The (verb, path) pairs an operation may really have, in the order they are tried: the
// inferred route first, then every way to put back a `/` the file name turned into `-`
// (fewest first, leftmost first), then the other verbs.
import type { HttpVerb, Operation } from '../model/types.js';
import { pageStem } from '../parse/names.js';
import { DEFAULT_MAX_PATHS } from './probe-defaults.js';
import type { Route } from './types.js';

export const VERBS: readonly HttpVerb[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `{name}`: a path parameter segment. */
const TEMPLATE_SEGMENT = /^\{[A-Za-z_$][\w$]*\}$/;

const encodeSegment = (segment: string) => (TEMPLATE_SEGMENT.test(segment) ? segment : encodeURIComponent(segment));

/** Every way to turn the slug's `-` into `/`, fewest `/` first, then leftmost; at most `max`. */
function slashVariants(slug: string, max: number): string[] {
  const parts = slug.split('-');
  const gaps = parts.length - 1;
  const variants: string[] = [];
  // Choose which gaps become `/`, by count, each count's combinations in lexicographic order.
  const choose = (k: number, from: number, chosen: number[]): void => {
    if (variants.length >= max) return;
    if (chosen.length === k) {
      variants.push(parts.map((p, i) => (i === 0 ? '' : chosen.includes(i - 1) ? '/' : '-') + p).join(''));
      return;
    }
    for (let g = from; g < gaps; g++) choose(k, g + 1, [...chosen, g]);
  };
  for (let k = 0; k <= gaps && variants.length < max; k++) choose(k, 0, []);
  return variants;
}

/** The operation's candidate paths: its current path first, then the slug's slash restorations (when the path is inferred). */
export function candidatePaths(op: Operation, maxPaths = DEFAULT_MAX_PATHS): string[] {
  if (!op.inferred.includes('http.path')) return [op.http.path];
  const slug = pageStem(op.source.file);
  const base = op.http.path.slice(0, op.http.path.length - encodeURIComponent(slug).length);
  // Not the file-name rule's shape (e.g. an earlier stage set the path): nothing to restore.
  if (!op.http.path.endsWith(encodeURIComponent(slug))) return [op.http.path];
  const paths = slashVariants(slug, maxPaths).map((v) => base + v.split('/').map(encodeSegment).join('/'));
  return [...new Set([op.http.path, ...paths])].slice(0, maxPaths);
}

/** Verbs to try: the current one first, then the others (only the current one when the page shows it). */
export function candidateVerbs(op: Operation): HttpVerb[] {
  return op.inferred.includes('http.verb') ? [op.http.verb, ...VERBS.filter((v) => v !== op.http.verb)] : [op.http.verb];
}

/** Every candidate route of an operation, verb-major: the current verb on every path first. */
export function candidateRoutes(op: Operation, maxPaths = DEFAULT_MAX_PATHS): Route[] {
  const paths = candidatePaths(op, maxPaths);
  return candidateVerbs(op).flatMap((verb) => paths.map((path) => ({ verb, path })));
}

/** A concrete path to send for a candidate: path parameters get a value no real resource has. */
export function fillTemplates(path: string): string {
  return path.replace(/\{[A-Za-z_$][\w$]*\}/g, 'docsdk-probe');
}

/** A matcher of request paths for a candidate path: `{name}` segments match any one segment. */
export function pathPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((s) => (TEMPLATE_SEGMENT.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}
