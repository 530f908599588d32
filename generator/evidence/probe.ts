// Asks a live server which candidate routes exist, with requests that cannot change anything:
// no credentials of any kind, no body but `{}` (POST, PUT, PATCH), no query string, redirects
// never followed, only to the base URL given. Bounded by a concurrency cap, a request-rate cap,
// a per-request timeout and a total request budget.
import type { HttpVerb, Model } from '../model/types.js';
import { docsdkVersion } from '../config/package-root.js';
import { candidatePaths, candidateVerbs, fillTemplates } from './candidates.js';
import type { ProbeLimits } from './probe-defaults.js';
import { verdict } from './resolve.js';
import type { ProbeAnswer, Route } from './types.js';

export interface ProbeTarget {
  /** The page (the evidence file's key). */
  page: string;
  /** `Client.method`. */
  operation: string;
  baseUrl: string;
  /** Candidate verbs (the current one first) and paths (the current one first). */
  verbs: HttpVerb[];
  paths: string[];
}

export interface ProbeOutcome {
  target: ProbeTarget;
  answers: ProbeAnswer[];
  /** Every request got a telling answer (none timed out, failed, was rate-limited or left out by the budget). */
  complete: boolean;
}

/** The operations to probe, each with its base URL (operations whose client has none are left out). */
export function probeTargets(model: Model, baseUrlFor: (client: string) => string | undefined, pages: (page: string) => boolean, maxPaths?: number): ProbeTarget[] {
  return model.clients.flatMap((c) => {
    const baseUrl = baseUrlFor(c.name);
    if (!baseUrl) return [];
    return c.operations
      .filter((op) => pages(op.source.file))
      .map((op) => ({ page: op.source.file, operation: `${c.name}.${op.name}`, baseUrl, verbs: candidateVerbs(op), paths: candidatePaths(op, maxPaths) }));
  });
}

/** Requests of a target: at least its current verb on every path; at most every verb on every path. */
export function requestBounds(t: ProbeTarget): { min: number; max: number } {
  return { min: t.paths.length, max: t.paths.length * t.verbs.length };
}

/** The HTTP side: one request at a time through the caps. */
export class Prober {
  sent = 0;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private nextStart = 0;
  /** Every request as sent, for tests and --verbose: verb, URL, headers, body. */
  readonly log: { verb: HttpVerb; url: string; headers: Record<string, string>; body?: string }[] = [];

  constructor(private readonly limits: ProbeLimits) {}

  /** The status the server answers `route` with, or null (timeout, network error, budget spent). */
  async status(baseUrl: string, route: Route): Promise<number | null> {
    if (this.sent >= this.limits.maxRequests) return null;
    this.sent++;
    await this.slot();
    try {
      return await this.send(baseUrl, route);
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  private async slot(): Promise<void> {
    while (this.inFlight >= this.limits.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    const now = Date.now();
    const at = Math.max(now, this.nextStart);
    this.nextStart = at + 1000 / this.limits.rate;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  private async send(baseUrl: string, route: Route): Promise<number | null> {
    const url = baseUrl.replace(/\/+$/, '') + fillTemplates(route.path);
    const withBody = route.verb === 'POST' || route.verb === 'PUT' || route.verb === 'PATCH';
    // Nothing else: no Authorization, no cookies, no API key, whatever the environment holds.
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': `docsdk-probe/${docsdkVersion}`, ...(withBody && { 'content-type': 'application/json' }) };
    const body = withBody ? '{}' : undefined;
    this.log.push({ verb: route.verb, url, headers, ...(body !== undefined && { body }) });
    try {
      const response = await fetch(url, { method: route.verb, headers, body, redirect: 'manual', credentials: 'omit', signal: AbortSignal.timeout(this.limits.timeoutMs) });
      await response.body?.cancel();
      return response.status;
    } catch {
      return null;
    }
  }
}

/**
 * Probes one operation: its current verb on every candidate path, then the other verbs on
 * the paths that exist (a 405 says the path does, with another verb) or, when none does, on
 * every path (servers that answer 404 for a wrong verb). Answers are kept in plan order.
 */
export async function probeTarget(t: ProbeTarget, prober: Prober): Promise<ProbeOutcome> {
  const ask = (routes: Route[]) => Promise.all(routes.map(async (r): Promise<ProbeAnswer> => ({ ...r, status: await prober.status(t.baseUrl, r) })));
  const [first, ...others] = t.verbs;
  const answers = await ask(t.paths.map((path) => ({ verb: first, path })));
  const known = answers.filter((a) => a.status === 405 || verdict(a.status) === 'exists').map((a) => a.path);
  const paths = known.length ? known : t.paths;
  answers.push(...(await ask(others.flatMap((verb) => paths.map((path) => ({ verb, path }))))));
  return { target: t, answers, complete: answers.every((a) => verdict(a.status) !== 'unknown') };
}

/** The path a canary request uses: beside the operations' paths, and no API has it. */
export const canaryPath = (path: string): string => `${path.slice(0, path.lastIndexOf('/') + 1)}docsdk-probe-no-such-route`;

/**
 * Whether the server tells missing routes apart without credentials: a path that cannot exist
 * must be answered 404/405/501. A server that answers 401 (or 200, or a redirect) for anything
 * cannot be probed. Returns the statuses when it does not.
 */
export async function canaryFails(baseUrl: string, samplePath: string, prober: Prober): Promise<string | undefined> {
  const path = canaryPath(samplePath);
  const statuses = await Promise.all((['GET', 'POST'] as const).map((verb) => prober.status(baseUrl, { verb, path })));
  const bad = statuses.map((s, i) => [i ? 'POST' : 'GET', s] as const).filter(([, s]) => verdict(s) !== 'absent');
  return bad.length ? bad.map(([verb, s]) => `${verb} ${path} answered ${s ?? 'nothing'}`).join(', ') : undefined;
}
