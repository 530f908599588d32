// The HTTP runtime of a generated SDK. docsdk ships this file verbatim as the SDK's
// src/runtime.ts, so it has no imports at all: fetch, URL, Headers, AbortController and JSON
// are everything it needs (Node 20+, Deno, Bun, browsers; no Node built-ins).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A `fetch`-compatible function: pass one for tests, proxies or instrumentation. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

type MaybePromise<T> = T | Promise<T>;

/** A secret, or a function called before every request that returns it (so it can refresh). */
export type Credential = string | (() => MaybePromise<string | undefined>);

/** One way an operation accepts credentials, as its docs declare it. */
export type SecurityRequirement =
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { type: 'http'; scheme: 'bearer' | 'basic' };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Where the client logs: `console` by default; any object with these four methods will do. */
export interface Logger {
  debug(message: string, details?: object): void;
  info(message: string, details?: object): void;
  warn(message: string, details?: object): void;
  error(message: string, details?: object): void;
}

/** One attempt of a call, as hooks see it: `beforeRequest` may change the URL and the init. */
export interface PreparedRequest {
  url: string;
  init: RequestInit & { headers: Headers };
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
}

/** Time as the client sees it; tests pass their own, so retry delays never sleep for real. */
export interface Clock {
  /** Milliseconds since the epoch (to read a `Retry-After` date). */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), for the jitter of retry delays. */
  random(): number;
}

export interface ClientOptions {
  /** Origin of the API, e.g. `https://api.example.com`; each operation's path is appended. */
  baseUrl: string;
  /**
   * Sent as `Authorization: Bearer <token>`: on every request when the operation declares no
   * security, else where it asks for a bearer token. A function is called before every request, so it can refresh.
   */
  token?: Credential;
  /** The API key for operations whose security asks for one (in the header, query or cookie the operation names). */
  apiKey?: Credential;
  /** Sent as `Authorization: Basic …` where an operation's security asks for HTTP basic authentication. */
  basic?: { username: string; password: string };
  /** Headers for every request. A function is called before every request. */
  headers?: Record<string, string> | (() => MaybePromise<Record<string, string>>);
  /** Milliseconds before an attempt is given up with a `TimeoutError`; 0 waits forever. Default 60 000. */
  timeoutMs?: number;
  /** Retries after a failure that may pass (408, 409, 429, 5xx, connection errors, timeouts). Default 2. */
  maxRetries?: number;
  /**
   * Also retry POST and PATCH after a timeout, a connection error or a 5xx, when the server
   * may have done the work already. Default false: only do it when the operation is safe to repeat.
   */
  retryNonIdempotent?: boolean;
  /** Called before each attempt is sent, e.g. to add a signature or a trace id. */
  beforeRequest?: (request: PreparedRequest) => MaybePromise<void>;
  /** Called with each response received (its body already read), e.g. for metrics. */
  afterResponse?: (response: Response, request: PreparedRequest) => MaybePromise<void>;
  /** Called with the error a call rejects with, once, before it rejects. */
  onError?: (error: unknown, request: PreparedRequest | undefined) => MaybePromise<void>;
  /** Default `console`. */
  logger?: Logger;
  /** Default `warn`: `info` logs retries, `debug` every request and response. Never headers, bodies or the query. */
  logLevel?: LogLevel;
  /** Default the global `fetch`. */
  fetch?: FetchFunction;
  /** Default real time (`Date.now`, `setTimeout`, `Math.random`). */
  clock?: Partial<Clock>;
}

/** Options of one call; they win over the client's. */
export interface RequestOptions {
  /** Aborts the request; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  retryNonIdempotent?: boolean;
  headers?: Record<string, string>;
}

/** What a generated method asks for. */
export interface RequestSpec {
  method: HttpMethod;
  /** Path after `baseUrl`, starting with `/`; each `{name}` is filled from `pathParams`. */
  path: string;
  /** Values of the path's `{name}` templates, each URI-encoded; a missing one fails the call before it is sent. */
  pathParams?: Record<string, unknown>;
  /** Sent as the query string: arrays as repeated keys, objects as JSON, `undefined`/`null` left out. */
  query?: object;
  /** Header parameters: arrays joined with `, `, objects as JSON, `undefined`/`null` left out. */
  headers?: Record<string, unknown>;
  /** The request body, encoded as `bodyType` says. */
  body?: object;
  /** `json` (default), `form` (`application/x-www-form-urlencoded`) or `multipart` (`multipart/form-data`). */
  bodyType?: 'json' | 'form' | 'multipart';
  /**
   * The ways the operation accepts credentials; every one the client has credentials for is
   * applied. None declared: the client's `token`, if any, is sent as a bearer token.
   */
  security?: SecurityRequirement[];
  /**
   * The response carries the business envelope (`statusCode`, `message`, `apiCode`,
   * `requestId`): a `statusCode` other than 200 fails the call even on HTTP 200.
   */
  envelope?: boolean;
}

/** Where a paginated list keeps its page number, page size, items and total count. */
export interface Pagination {
  pageParam: string;
  sizeParam: string;
  /** Property path from the response body to the array of items, e.g. `['data', 'list']`. */
  itemsPath: string[];
  /** Property path from the response body to the total count, e.g. `['data', 'totalCount']`. */
  totalPath: string[];
}

/** The parsed body of a response, with the response itself (status, headers). */
export interface WithResponse<T> {
  data: T;
  response: Response;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
const BUSINESS_SUCCESS = 200;
const INITIAL_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8_000;
/** A server asking to wait longer than this is not waited for: the call fails, with the response's headers. */
const MAX_RETRY_AFTER_MS = 60_000;
const NON_IDEMPOTENT = ['POST', 'PATCH'];
const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/** A response that failed: an HTTP status outside 2xx, a business `statusCode` other than 200, or a body that is not JSON. */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  /** HTTP status of the response. */
  readonly status: number;
  /** Headers of the response. */
  readonly headers: Headers;
  /** Business status code from the response envelope, when it has one. */
  readonly statusCode: number | undefined;
  /** Detailed error code from the response envelope, when it has one. */
  readonly apiCode: number | undefined;
  /** Request ID from the envelope or the `x-request-id` header: quote it to the API's support. */
  readonly requestId: string | undefined;
  /** The response body: parsed JSON, or the text when it is not JSON. */
  readonly body: unknown;

  constructor(status: number, body: unknown, fallbackMessage: string, headers: Headers = new Headers()) {
    const statusCode = ownNumber(body, 'statusCode');
    const apiCode = ownNumber(body, 'apiCode');
    const codes = [`HTTP ${status}`];
    if (statusCode !== undefined) codes.push(`statusCode ${statusCode}`);
    if (apiCode !== undefined) codes.push(`apiCode ${apiCode}`);
    super(`${ownString(body, 'message') ?? fallbackMessage} (${codes.join(', ')})`);
    this.status = status;
    this.headers = headers;
    this.statusCode = statusCode;
    this.apiCode = apiCode;
    this.requestId = ownString(body, 'requestId') ?? headers.get('x-request-id') ?? undefined;
    this.body = body;
  }
}

/** 400, or a business statusCode 400 inside an HTTP 200. */
export class BadRequestError extends ApiError {
  override readonly name = 'BadRequestError';
}
/** 401. */
export class AuthenticationError extends ApiError {
  override readonly name = 'AuthenticationError';
}
/** 403. */
export class PermissionDeniedError extends ApiError {
  override readonly name = 'PermissionDeniedError';
}
/** 404. */
export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError';
}
/** 409. */
export class ConflictError extends ApiError {
  override readonly name = 'ConflictError';
}
/** 422. */
export class UnprocessableEntityError extends ApiError {
  override readonly name = 'UnprocessableEntityError';
}
/** 429: see `headers.get('retry-after')`. */
export class RateLimitError extends ApiError {
  override readonly name = 'RateLimitError';
}
/** 500 and above. */
export class InternalServerError extends ApiError {
  override readonly name = 'InternalServerError';
}

const ERROR_KINDS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** No response: the connection failed, was refused or reset. `cause` is what fetch threw. */
export class ApiConnectionError extends Error {
  override readonly name: string = 'ApiConnectionError';

  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/** An attempt took longer than its `timeoutMs`. */
export class TimeoutError extends ApiConnectionError {
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The promise a method returns: await it for the parsed body, or call `withResponse()` for
 * the body and the `Response` together. The request is sent at once either way.
 */
export class ApiPromise<T> extends Promise<T> {
  readonly #raw: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(raw: Promise<WithResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#raw = raw;
  }

  // Promises derived from this one (then, catch, finally) are plain ones.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The parsed body and the `Response` (status, headers; its body is read already). */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw;
  }

  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#data ??= this.#raw.then((raw) => raw.data);
    return this.#data.then(onFulfilled, onRejected);
  }
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const abort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', abort);
        resolve();
      }, ms);
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
    }),
  random: () => Math.random(),
};

/** Sends the requests of one generated client. */
export class HttpClient {
  readonly #options: ClientOptions;
  readonly #clock: Clock;
  readonly #userAgent: string | undefined;

  /** `userAgent`: the SDK's `name/version`, sent where the platform lets a script set it (not in browsers). */
  constructor(options: ClientOptions, userAgent?: string) {
    this.#options = { ...options };
    this.#clock = { ...realClock, ...options.clock };
    // Browsers (pages and workers) do not let a script set User-Agent, and it would need a CORS preflight.
    this.#userAgent = typeof document === 'undefined' && typeof (globalThis as { importScripts?: unknown }).importScripts === 'undefined' ? userAgent : undefined;
  }

  request<T>(spec: RequestSpec, options: RequestOptions = {}): ApiPromise<T> {
    return new ApiPromise(this.#send<T>(spec, options));
  }

  async #send<T>(spec: RequestSpec, options: RequestOptions): Promise<WithResponse<T>> {
    const client = this.#options;
    const maxRetries = options.maxRetries ?? client.maxRetries ?? DEFAULT_MAX_RETRIES;
    const idempotent = !NON_IDEMPOTENT.includes(spec.method) || (options.retryNonIdempotent ?? client.retryNonIdempotent ?? false);
    const timeoutMs = options.timeoutMs ?? client.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let request: PreparedRequest | undefined;
    try {
      for (let attempt = 0; ; attempt++) {
        request = await this.#prepare(spec, options, attempt);
        await client.beforeRequest?.(request);
        const started = this.#clock.now();
        this.#log('debug', `${spec.method} ${withoutQuery(request.url)}`, { attempt });
        const outcome = await this.#attempt(request, timeoutMs, options.signal);
        let retryAfter: number | undefined;
        if (outcome instanceof ApiConnectionError) {
          if (attempt >= maxRetries || !idempotent) throw outcome;
          this.#log('info', `retrying after ${outcome.name}`, { attempt });
        } else {
          const { response, text } = outcome;
          this.#log('debug', `${response.status} ${spec.method} ${withoutQuery(request.url)}`, { ms: this.#clock.now() - started });
          await client.afterResponse?.(response, request);
          retryAfter = serverDelay(response.headers, this.#clock.now());
          const retry = attempt < maxRetries && retriable(response, idempotent);
          const tooLong = (retryAfter ?? 0) > MAX_RETRY_AFTER_MS;
          if (retry && tooLong) this.#log('warn', `not retrying: the server asks to wait ${retryAfter} ms`);
          if (!retry || tooLong) return { data: readBody(response, text, spec.envelope === true) as T, response };
          this.#log('info', `retrying after HTTP ${response.status}`, { attempt });
        }
        await this.#clock.sleep(retryAfter ?? backoff(attempt, this.#clock.random()), options.signal);
      }
    } catch (error) {
      await client.onError?.(error, request);
      throw error;
    }
  }

  /** One attempt: the response and its body, or the error it failed with. Rejects only with the caller's abort reason. */
  async #attempt(request: PreparedRequest, timeoutMs: number, signal: AbortSignal | undefined): Promise<{ response: Response; text: string } | ApiConnectionError> {
    const deadline = linkSignals(signal, timeoutMs);
    request.init.signal = deadline.signal;
    const fetchFunction = this.#options.fetch ?? fetch;
    try {
      deadline.signal.throwIfAborted(); // an injected fetch may not check a signal aborted already
      const response = await fetchFunction(request.url, request.init);
      // The body is read within the attempt's deadline: a response that stalls mid-body times out too.
      return { response, text: await response.text() };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (deadline.signal.aborted) return deadline.signal.reason as TimeoutError;
      return new ApiConnectionError(`connection error: ${(error as Error)?.message ?? error}`, error);
    } finally {
      deadline.dispose();
    }
  }

  async #prepare(spec: RequestSpec, options: RequestOptions, attempt: number): Promise<PreparedRequest> {
    const keys: Record<string, string> = Object.create(null); // no prototype: a key named `__proto__` stays a key
    const headers = await this.#headers(spec, options, keys);
    const url = this.#options.baseUrl.replace(/\/+$/, '') + fillPath(spec.path, spec.pathParams) + queryString({ ...spec.query, ...keys });
    const init: PreparedRequest['init'] = { method: spec.method, headers };
    if (spec.body !== undefined) init.body = encodeBody(spec.body, spec.bodyType ?? 'json', headers);
    return { url, init, attempt };
  }

  /** Headers in order of precedence, lowest first: defaults, client headers, credentials, header parameters, per-call headers. */
  async #headers(spec: RequestSpec, options: RequestOptions, keys: Record<string, string>): Promise<Headers> {
    const headers = new Headers({ accept: 'application/json' });
    if (this.#userAgent) headers.set('user-agent', this.#userAgent);
    const common = typeof this.#options.headers === 'function' ? await this.#options.headers() : this.#options.headers;
    for (const [name, value] of Object.entries(common ?? {})) headers.set(name, value);
    await this.#authenticate(spec.security, headers, keys);
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
      const text = headerValue(value);
      if (text !== undefined) headers.set(name, text);
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    return headers;
  }

  /** Applies the credentials `security` asks for: to `headers`, and API keys sent in the query to `keys`. */
  async #authenticate(security: SecurityRequirement[] | undefined, headers: Headers, keys: Record<string, string>): Promise<void> {
    const options = this.#options;
    for (const requirement of security ?? [{ type: 'http', scheme: 'bearer' }]) {
      if (requirement.type === 'http' && requirement.scheme === 'basic') {
        if (options.basic) headers.set('authorization', 'Basic ' + base64(`${options.basic.username}:${options.basic.password}`));
        continue;
      }
      const credential = requirement.type === 'http' ? options.token : options.apiKey;
      const secret = typeof credential === 'function' ? await credential() : credential;
      if (!secret) continue;
      if (requirement.type === 'http') headers.set('authorization', `Bearer ${secret}`);
      else if (requirement.in === 'header') headers.set(requirement.name, secret);
      else if (requirement.in === 'query') keys[requirement.name] = secret;
      else headers.append('cookie', `${encodeURIComponent(requirement.name)}=${encodeURIComponent(secret)}`);
    }
  }

  #log(level: LogLevel, message: string, details?: object): void {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(this.#options.logLevel ?? 'warn')) return;
    const logger = this.#options.logger ?? console;
    logger[level as Exclude<LogLevel, 'off'>](`[sdk] ${message}`, details);
  }
}

/**
 * Every item of a paginated list, fetching page after page from `params`' page (default 1).
 * Stops at the total count, on an empty or short page, and on a page equal to the one
 * before (a server that ignores the page number), so it never loops forever.
 */
export async function* paginate<Item, Params extends object>(
  fetchPage: (params: Params) => PromiseLike<unknown>,
  params: Params,
  pagination: Pagination,
): AsyncGenerator<Item, void, undefined> {
  const size = ownProperty(params, pagination.sizeParam);
  let page = Number(ownProperty(params, pagination.pageParam) ?? 1);
  let seen = 0;
  let previous: string | undefined;
  for (;;) {
    const body = await fetchPage({ ...params, [pagination.pageParam]: page });
    const items = propertyAt(body, pagination.itemsPath);
    if (!Array.isArray(items) || items.length === 0) return;
    const signature = JSON.stringify(items);
    if (signature === previous) return;
    previous = signature;
    yield* items as Item[];
    seen += items.length;
    const total = propertyAt(body, pagination.totalPath);
    if ((typeof total === 'number' && seen >= total) || (typeof size === 'number' && items.length < size)) return;
    page++;
  }
}

/** 408, 409, 429 and (when the request is safe to repeat) 5xx; a server's `x-should-retry` wins. */
function retriable(response: Response, idempotent: boolean): boolean {
  if (response.ok) return false;
  const hint = response.headers.get('x-should-retry');
  if (hint === 'true' || hint === 'false') return hint === 'true';
  const status = response.status;
  return status === 408 || status === 409 || status === 429 || (status >= 500 && idempotent);
}

/** The wait a response asks for: `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date. */
export function serverDelay(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number(ms) >= 0) return Number(ms);
  const after = headers.get('retry-after')?.trim();
  if (!after) return undefined;
  const date = Date.parse(after);
  const delay = /^\d+(\.\d+)?$/.test(after) ? Number(after) * 1000 : Number.isNaN(date) ? undefined : date - now;
  return delay === undefined ? undefined : Math.max(0, delay);
}

/** 0.5 s, 1 s, 2 s, … up to 8 s, each up to 25 % shorter at random so clients do not retry in step. */
export function backoff(retry: number, random: number): number {
  return Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retry, MAX_RETRY_DELAY_MS) * (1 - random * 0.25);
}

function withoutQuery(url: string): string {
  return url.replace(/\?.*/, '');
}

/** `/users/{id}` with `{id: 'a b'}` -> `/users/a%20b`; a template with no value throws. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{([^{}]+)\}/g, (_template, name: string) => {
    const value = ownProperty(params, name);
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function headerValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The body as fetch sends it; JSON sets its content type, form and multipart let fetch set theirs (multipart needs the boundary). */
function encodeBody(body: object, type: 'json' | 'form' | 'multipart', headers: Headers): BodyInit {
  if (type === 'json') {
    headers.set('content-type', 'application/json');
    return JSON.stringify(body);
  }
  const encoded = type === 'form' ? new URLSearchParams() : new FormData();
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (encoded instanceof FormData && item instanceof Blob) encoded.append(key, item);
      else encoded.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return encoded;
}

/** Base64 of the UTF-8 bytes (`btoa` alone takes Latin-1 only). */
function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(''));
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
      throw errorOf(response, text, response.ok ? 'response is not JSON' : response.statusText || 'request failed');
    }
  }
  if (!response.ok) throw errorOf(response, body, response.statusText || 'request failed');
  const statusCode = ownNumber(body, 'statusCode');
  if (envelope && statusCode !== undefined && statusCode !== BUSINESS_SUCCESS) throw errorOf(response, body, 'request failed', statusCode);
  return body;
}

/** The ApiError subclass of the HTTP status, or of the envelope's statusCode when the failure is inside a 2xx. */
function errorOf(response: Response, body: unknown, message: string, kind: number = response.status): ApiError {
  const Kind = ERROR_KINDS[kind] ?? (kind >= 500 ? InternalServerError : ApiError);
  return new Kind(response.status, body, message, response.headers);
}

function propertyAt(value: unknown, path: string[]): unknown {
  return path.reduce(ownProperty, value);
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
