// Captured traffic as evidence: each HAR entry's method and URL path is matched against the
// candidate routes of every operation (a base URL's own path prefix is allowed before it),
// and the JSON bodies of the matched entries are recorded by shape (body-shape.ts).
import type { Diagnostic, Model, Operation } from '../model/types.js';
import { bodyShape, observe } from './body-shape.js';
import { candidateRoutes, pathPattern } from './candidates.js';
import type { HarCapture, HarEntry } from './har.js';
import { routeKey, verdict } from './resolve.js';
import type { BodyObservation, OperationEvidence, Route, TrafficRecord, TrafficRoute } from './types.js';

interface Claim {
  op: Operation;
  route: Route;
  /** The route is the operation's current one (not only a candidate). */
  current: boolean;
}

class RouteIndex {
  private readonly exact = new Map<string, Claim[]>();
  private readonly templated: (Claim & { pattern: RegExp })[] = [];

  constructor(model: Model, maxPaths?: number) {
    for (const op of model.clients.flatMap((c) => c.operations)) {
      for (const route of candidateRoutes(op, maxPaths)) {
        const claim = { op, route, current: routeKey(route) === routeKey(op.http) };
        if (route.path.includes('{')) this.templated.push({ ...claim, pattern: pathPattern(route.path) });
        else this.exact.set(routeKey(route), [...(this.exact.get(routeKey(route)) ?? []), claim]);
      }
    }
  }

  /** The operations an entry calls: the longest path suffix any candidate matches; an operation's current route wins over candidates. */
  claims(method: string, path: string): Claim[] {
    for (let at = 0; at >= 0 && at < path.length; at = path.indexOf('/', at + 1)) {
      const suffix = path.slice(at);
      const found = [
        ...(this.exact.get(`${method} ${suffix}`) ?? []),
        ...this.templated.filter((c) => c.route.verb === method && c.pattern.test(suffix)),
      ];
      if (found.length) {
        const current = found.filter((c) => c.current);
        return current.length ? current : found;
      }
    }
    return [];
  }
}

/**
 * Where an operation's traffic keeps string values: its enum fields, and, inside arrays the
 * page leaves untyped (their items are not known yet), keys named like an enum field of any
 * structure. Every other value of the traffic is dropped.
 */
function enumPaths(model: Model, op: Operation): (path: string) => boolean {
  const shape = [...bodyShape(model, op).fields];
  const known = new Set(shape.filter(([, f]) => f.enum?.length).map(([path]) => path));
  const untyped = shape.filter(([, f]) => f.type.kind === 'array' && f.type.items.kind === 'primitive' && f.type.items.type === 'unknown').map(([path]) => `${path}[].`);
  const enumNames = new Set(Object.values(model.structures).flatMap((s) => s.fields.filter((f) => f.enum?.length).map((f) => f.name)));
  return (path) => known.has(path) || (untyped.some((u) => path.startsWith(u)) && enumNames.has(path.slice(path.lastIndexOf('.') + 1)));
}

interface Collected {
  files: Set<string>;
  when: string;
  routes: Map<string, TrafficRoute>;
  bodies: Map<string, BodyObservation>;
  valuesAt: (path: string) => boolean;
}

function collect(entry: HarEntry, file: string, claim: Claim, into: Collected): void {
  into.files.add(file);
  if (entry.started > into.when) into.when = entry.started;
  const key = routeKey(claim.route);
  const route = into.routes.get(key) ?? { ...claim.route, statuses: [], requests: 0 };
  route.requests++;
  if (!route.statuses.includes(entry.status)) route.statuses = [...route.statuses, entry.status].sort((a, b) => a - b);
  into.routes.set(key, route);
  // Bodies of requests a route served; responses only when it succeeded (error bodies have their own shape).
  if (verdict(entry.status) !== 'exists') return;
  for (const [name, value] of entry.query) observe(value, `request.${name}`, into.bodies, into.valuesAt);
  if (entry.requestBody !== undefined) observe(entry.requestBody, 'request', into.bodies, into.valuesAt);
  if (entry.responseBody !== undefined && entry.status >= 200 && entry.status < 300) observe(entry.responseBody, 'response', into.bodies, into.valuesAt);
}

/** The traffic evidence of every operation the captures call, keyed by page, and notes on entries that call none. */
export function trafficEvidence(model: Model, captures: HarCapture[], maxPaths?: number): { entries: Record<string, OperationEvidence>; diagnostics: Diagnostic[] } {
  const index = new RouteIndex(model, maxPaths);
  const byOp = new Map<Operation, Collected>();
  const diagnostics: Diagnostic[] = [];
  for (const { file, entries } of captures) {
    const unmatched: string[] = [];
    for (const entry of entries) {
      const claims = index.claims(entry.method, entry.path);
      if (!claims.length) unmatched.push(`${entry.method} ${entry.path}`);
      for (const claim of claims) {
        const into = byOp.get(claim.op) ?? { files: new Set(), when: '', routes: new Map(), bodies: new Map(), valuesAt: enumPaths(model, claim.op) };
        byOp.set(claim.op, into);
        collect(entry, file, claim, into);
      }
    }
    if (unmatched.length) {
      const shown = [...new Set(unmatched)].slice(0, 5).join(', ');
      diagnostics.push({ severity: 'info', code: 'evidence.unmatched-traffic', file, message: `${unmatched.length} of ${entries.length} entries call no operation's candidate routes (${shown}${unmatched.length > 5 ? ', …' : ''})` });
    }
  }
  const entries: Record<string, OperationEvidence> = {};
  for (const [op, c] of byOp) {
    const traffic: TrafficRecord = { files: [...c.files].sort(), when: c.when, routes: [...c.routes.values()].sort((a, b) => (routeKey(a) < routeKey(b) ? -1 : 1)) };
    if (c.bodies.size) traffic.bodies = Object.fromEntries([...c.bodies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    entries[op.source.file] = { operation: `${op.client}.${op.name}`, traffic };
  }
  return { entries, diagnostics };
}
