// The HTTP runtime of a generated SDK. docsdk ships this file verbatim as the SDK's
// src/runtime.ts, so it has no imports at all: fetch, URL, Headers, AbortController and JSON
// are everything it needs (Node 18+, Deno, Bun, browsers).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A `fetch`-compatible function: pass one for tests, proxies, retries or logging. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

type MaybePromise<T> = T | Promise<T>;

export interface ClientOptions {
  /** Origin of the API, e.g. `https://api.example.com`; each operation's path is appended. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`. A function is called before every request, so it can refresh. */
  token?: string | (() => MaybePromise<string | undefined>);
  /** Headers for every request. A function is called before every request. */
  headers?: Record<string, string> | (() => MaybePromise<Record<string, string>>);
  /** Milliseconds before a request is given up with a `TimeoutError`; 0 waits forever. Default 60 000. */
  timeoutMs?: number;
  /** Default: the global `fetch`. */
  fetch?: FetchFunction;
}

/** Options of one call; they win over the client's. */
export interface RequestOptions {
  /** Aborts the request; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** What a generated method asks for. */
export interface RequestSpec {
  method: HttpMethod;
  /** Path after `baseUrl`, starting with `/`. */
  path: string;
  /** Sent as the query string: arrays as repeated keys, objects as JSON, `undefined`/`null` left out. */
  query?: object;
  /** Sent as a JSON body. */
  body?: object;
  /**
   * The response carries the business envelope (`statusCode`, `message`, `apiCode`,
   * `requestId`): a `statusCode` other than 200 fails the call even on HTTP 200.
   */
  envelope?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const BUSINESS_SUCCESS = 200;

/** A response that failed: an HTTP status outside 2xx, a business `statusCode` other than 200, or a body that is not JSON. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status of the response. */
  readonly status: number;
  /** Business status code from the response envelope, when it has one. */
  readonly statusCode: number | undefined;
  /** Detailed error code from the response envelope, when it has one. */
  readonly apiCode: number | undefined;
  /** Request ID from the response envelope, when it has one: quote it to the API's support. */
  readonly requestId: string | undefined;
  /** The response body: parsed JSON, or the text when it is not JSON. */
  readonly body: unknown;

  constructor(status: number, body: unknown, fallbackMessage: string) {
    const statusCode = ownNumber(body, 'statusCode');
    const apiCode = ownNumber(body, 'apiCode');
    const codes = [`HTTP ${status}`];
    if (statusCode !== undefined) codes.push(`statusCode ${statusCode}`);
    if (apiCode !== undefined) codes.push(`apiCode ${apiCode}`);
    super(`${ownString(body, 'message') ?? fallbackMessage} (${codes.join(', ')})`);
    this.status = status;
    this.statusCode = statusCode;
    this.apiCode = apiCode;
    this.requestId = ownString(body, 'requestId');
    this.body = body;
  }
}

/** The call took longer than its `timeoutMs`. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** Sends the requests of one generated client. */
export class HttpClient {
  readonly #options: ClientOptions;

  constructor(options: ClientOptions) {
    this.#options = { ...options };
  }

  async request<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<T> {
    const url = this.#options.baseUrl.replace(/\/+$/, '') + spec.path + queryString(spec.query);
    const init: RequestInit = { method: spec.method, headers: await this.#headers(spec, options) };
    if (spec.body !== undefined) init.body = JSON.stringify(spec.body);
    const fetchFunction = this.#options.fetch ?? fetch;
    const deadline = linkSignals(options.signal, options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    init.signal = deadline.signal;
    let response: Response;
    let text: string;
    try {
      deadline.signal.throwIfAborted(); // an injected fetch may not check a signal aborted already
      response = await fetchFunction(url, init);
      text = await response.text();
    } catch (error) {
      // Timeout: TimeoutError; caller abort: the caller's reason (an AbortError by default).
      throw deadline.signal.aborted ? deadline.signal.reason : error;
    } finally {
      deadline.dispose();
    }
    return readBody(response, text, spec.envelope === true) as T;
  }

  async #headers(spec: RequestSpec, options: RequestOptions): Promise<Headers> {
    const headers = new Headers({ accept: 'application/json' });
    if (spec.body !== undefined) headers.set('content-type', 'application/json');
    const common = typeof this.#options.headers === 'function' ? await this.#options.headers() : this.#options.headers;
    for (const [name, value] of Object.entries(common ?? {})) headers.set(name, value);
    const token = typeof this.#options.token === 'function' ? await this.#options.token() : this.#options.token;
    if (token) headers.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    return headers;
  }
}

/** `?a=1&b=x&b=y` for `{a: 1, b: ['x', 'y']}`; empty when nothing is set. */
export function queryString(query: object | undefined): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      const text = typeof item === 'object' ? JSON.stringify(item) : String(item);
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  }
  return pairs.length ? '?' + pairs.join('&') : '';
}

/** The named own properties of `params` (for operations that send some in the query, some in the body). */
export function pick(params: object, keys: readonly string[]): Record<string, unknown> {
  // fromEntries defines own properties, so a key like `__proto__` cannot reach a prototype.
  return Object.fromEntries(
    keys.filter((key) => Object.hasOwn(params, key)).map((key) => [key, (params as Record<string, unknown>)[key]]),
  );
}

function linkSignals(caller: AbortSignal | undefined, timeoutMs: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort(caller?.reason);
  if (caller?.aborted) abort();
  else caller?.addEventListener('abort', abort, { once: true });
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs) : undefined;
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', abort);
    },
  };
}

function readBody(response: Response, text: string, envelope: boolean): unknown {
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, text, response.ok ? 'response is not JSON' : response.statusText || 'request failed');
    }
  }
  if (!response.ok) throw new ApiError(response.status, body, response.statusText || 'request failed');
  const statusCode = ownNumber(body, 'statusCode');
  if (envelope && statusCode !== undefined && statusCode !== BUSINESS_SUCCESS) {
    throw new ApiError(response.status, body, 'request failed');
  }
  return body;
}

function ownProperty(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function ownNumber(value: unknown, key: string): number | undefined {
  const property = ownProperty(value, key);
  return typeof property === 'number' ? property : undefined;
}

function ownString(value: unknown, key: string): string | undefined {
  const property = ownProperty(value, key);
  return typeof property === 'string' && property !== '' ? property : undefined;
}
