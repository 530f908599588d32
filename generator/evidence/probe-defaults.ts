// The probe's default bounds, apart from the prober: `docsdk probe`'s flag definitions show
// them, and every CLI start-up loads those definitions (the prober only when probe runs).

export interface ProbeLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started per second, at most. */
  rate: number;
  /** Milliseconds before one request is given up (its answer is then unknown). */
  timeoutMs: number;
  /** Requests in all, at most; operations left without answers are not recorded. */
  maxRequests: number;
}

export const DEFAULT_LIMITS: ProbeLimits = { concurrency: 4, rate: 10, timeoutMs: 10_000, maxRequests: 5_000 };

/** A slug with more `-` than this has more than 64 slash restorations; only the first 64 are tried. */
export const DEFAULT_MAX_PATHS = 64;
