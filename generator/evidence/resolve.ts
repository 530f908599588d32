// What an answer means. A route that does not exist is answered 404 (unknown path, or a wrong
// verb on frameworks that route by verb and path together), 405 (known path, wrong verb) or
// 501 (verb not implemented). Every other answer comes from a route that exists: 401/403
// because a known route checks credentials before it runs (and the probe sends none), 400/422
// because it validated the `{}` body, 2xx/3xx/500 because it ran. 408, 429, 502, 503 and 504
// come from something in front of the route (a limiter, a gateway) and tell nothing.
import type { ProbeAnswer, Route, TrafficRoute } from './types.js';

export type Verdict = 'exists' | 'absent' | 'unknown';

const ABSENT = new Set([404, 405, 501]);
const UNKNOWN = new Set([408, 429, 502, 503, 504]);

export function verdict(status: number | null): Verdict {
  if (status === null || status <= 0 || UNKNOWN.has(status)) return 'unknown';
  return ABSENT.has(status) ? 'absent' : 'exists';
}

export const routeKey = (r: Route): string => `${r.verb} ${r.path}`;

export interface Resolution {
  /** The one route that exists, when exactly one does. */
  route?: Route;
  /** Every route that answered as existing (distinct, in the order given). */
  existing: Route[];
  /** Requests that got no telling answer. */
  unknown: number;
}

/** The route a list of answers settles on: exactly one existing route, else none (ambiguous). */
export function resolveRoutes(answers: readonly (Route & { status: number | null })[]): Resolution {
  const existing = new Map<string, Route>();
  let unknown = 0;
  for (const a of answers) {
    const v = verdict(a.status);
    if (v === 'exists' && !existing.has(routeKey(a))) existing.set(routeKey(a), { verb: a.verb, path: a.path });
    if (v === 'unknown') unknown++;
  }
  const list = [...existing.values()];
  return { existing: list, unknown, ...(list.length === 1 && { route: list[0] }) };
}

export const describeRoutes = (routes: readonly Route[]): string => routes.map(routeKey).join(', ');

/** The route an operation's recorded evidence settles on: probe answers and traffic together must show exactly one existing route. */
export function conclude(entry: { probe?: { answers: string[] }; traffic?: { routes: TrafficRoute[] } }): Resolution {
  const traffic = (entry.traffic?.routes ?? []).flatMap((r) => r.statuses.map((status) => ({ verb: r.verb, path: r.path, status })));
  return resolveRoutes([...(entry.probe?.answers ?? []).map(parseAnswer), ...traffic]);
}

/** `GET /api/v3/get-user 401`: one line per answer keeps the evidence file short and its diffs readable. */
export const formatAnswer = (a: ProbeAnswer): string => `${a.verb} ${a.path} ${a.status ?? '-'}`;

export function parseAnswer(text: string): ProbeAnswer {
  const [verb, path, status] = text.split(' ');
  return { verb: verb as ProbeAnswer['verb'], path, status: status === '-' ? null : Number(status) };
}
