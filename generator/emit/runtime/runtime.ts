// The HTTP runtime of a generated SDK. docsdk ships this file verbatim as the SDK's
// src/runtime.ts, so it has no imports at all: fetch, URL, Headers, AbortController and JSON
// are everything it needs (Node 18+, Deno, Bun, browsers).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A `fetch`-compatible function: pass one for tests, proxies, retries or logging. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

type MaybePromise<T> = T | Promise<T>;

/** A secret, or a function called before every request that returns it (so it can refresh). */
export type Credential = string | (() => MaybePromise<string | undefined>);

/** One way an operation accepts credentials, as its docs declare it. */
export type SecurityRequirement =
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { type: 'http'; scheme: 'bearer' | 'basic' };

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
    const keys: Record<string, string> = Object.create(null); // no prototype: a key named `__proto__` stays a key
    const headers = await this.#headers(spec, options, keys);
    const url = this.#options.baseUrl.replace(/\/+$/, '') + fillPath(spec.path, spec.pathParams) + queryString({ ...spec.query, ...keys });
    const init: RequestInit = { method: spec.method, headers };
    if (spec.body !== undefined) init.body = encodeBody(spec.body, spec.bodyType ?? 'json', headers);
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

  /** Headers in order of precedence, lowest first: defaults, client headers, credentials, header parameters, per-call headers. */
  async #headers(spec: RequestSpec, options: RequestOptions, keys: Record<string, string>): Promise<Headers> {
    const headers = new Headers({ accept: 'application/json' });
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
      const secret = await resolveCredential(requirement.type === 'http' ? options.token : options.apiKey);
      if (!secret) continue;
      if (requirement.type === 'http') headers.set('authorization', `Bearer ${secret}`);
      else if (requirement.in === 'header') headers.set(requirement.name, secret);
      else if (requirement.in === 'query') keys[requirement.name] = secret;
      else headers.append('cookie', `${encodeURIComponent(requirement.name)}=${encodeURIComponent(secret)}`);
    }
  }
}

async function resolveCredential(credential: Credential | undefined): Promise<string | undefined> {
  return typeof credential === 'function' ? credential() : credential;
}

/** `/users/{id}` with `{id: 'a b'}` -> `/users/a%20b`; a template with no value throws. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/\{([^{}]+)\}/g, (_template, name: string) => {
    const value = params && Object.hasOwn(params, name) ? params[name] : undefined;
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
