import { describe, expect, test } from 'vitest';
import {
  ApiConnectionError,
  ApiError,
  ApiPromise,
  AuthenticationError,
  backoff,
  BadRequestError,
  ConflictError,
  fillPath,
  HttpClient,
  InternalServerError,
  NotFoundError,
  paginate,
  PermissionDeniedError,
  pick,
  queryString,
  RateLimitError,
  serverDelay,
  TimeoutError,
  UnprocessableEntityError,
  type Clock,
  type FetchFunction,
  type Logger,
  type RequestSpec,
} from '../../generator/emit/runtime/runtime.js';

interface Sent {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
  rawBody: RequestInit['body'];
}

/** A clock whose sleeps resolve at once and are recorded; `random` is fixed, so delays are exact. */
function fakeClock(random = 0) {
  const sleeps: number[] = [];
  const clock: Clock = { now: () => Date.UTC(2026, 0, 1), sleep: async (ms) => void sleeps.push(ms), random: () => random };
  return { clock, sleeps };
}

/** A fetch that records what it was given and answers `reply` (called with the 0-based request number). */
function recordingFetch(reply: (n: number) => Response = () => Response.json({ statusCode: 200, data: 1 })) {
  const sent: Sent[] = [];
  const fetch: FetchFunction = async (url, init) => {
    sent.push({
      url,
      method: init.method,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      rawBody: init.body,
    });
    return reply(sent.length - 1);
  };
  return { fetch, sent };
}

describe('queryString', () => {
  test('encodes arrays as repeated keys, booleans and numbers as text, objects as JSON; skips unset values', () => {
    expect(queryString({ ids: ['a', 'b c'], on: true, off: false, page: 2, none: undefined, nil: null, filter: { x: 1 } })).toBe(
      '?ids=a&ids=b%20c&on=true&off=false&page=2&filter=%7B%22x%22%3A1%7D',
    );
  });

  test('is empty for no query or nothing set', () => {
    expect(queryString(undefined)).toBe('');
    expect(queryString({ a: undefined })).toBe('');
  });

  test('encodes reserved characters in keys and values', () => {
    expect(queryString({ 'a&b': '=?#/', 名: '值' })).toBe('?a%26b=%3D%3F%23%2F&%E5%90%8D=%E5%80%BC');
  });
});

describe('pick', () => {
  test('copies only the named own properties, `__proto__` as a plain key', () => {
    const params = JSON.parse('{"a": 1, "b": 2, "__proto__": {"polluted": true}}') as object;
    const picked = pick(params, ['a', '__proto__', 'missing']);
    expect(Object.keys(picked)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(picked)).toBe('{"a":1,"__proto__":{"polluted":true}}');
  });
});

describe('HttpClient.request', () => {
  test('sends method, joined URL, query, JSON body and default headers', async () => {
    const { fetch, sent } = recordingFetch();
    const client = new HttpClient({ baseUrl: 'https://api.test/', fetch });
    await client.request({ method: 'POST', path: '/api/v3/x', query: { q: 1 }, body: { name: 'n' } });
    expect(sent).toMatchObject([
      {
        url: 'https://api.test/api/v3/x?q=1',
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: { name: 'n' },
      },
    ]);
    expect(Object.keys(sent[0].headers)).toEqual(['accept', 'content-type']);
  });

  test('a GET has no body and no content-type', async () => {
    const { fetch, sent } = recordingFetch();
    await new HttpClient({ baseUrl: 'https://api.test', fetch }).request({ method: 'GET', path: '/p', query: {} });
    expect(sent[0]).toEqual({ url: 'https://api.test/p', method: 'GET', headers: { accept: 'application/json' }, body: undefined, rawBody: undefined });
  });

  test('headers: client (static or async), then token, then per-call headers win', async () => {
    const { fetch, sent } = recordingFetch();
    const client = new HttpClient({
      baseUrl: 'https://api.test',
      fetch,
      headers: async () => ({ 'x-pool': 'p1', authorization: 'from headers' }),
      token: async () => 'tok',
    });
    await client.request({ method: 'GET', path: '/p' }, { headers: { 'x-call': 'c', 'X-Pool': 'p2' } });
    expect(sent[0].headers).toEqual({ accept: 'application/json', authorization: 'Bearer tok', 'x-call': 'c', 'x-pool': 'p2' });

    await new HttpClient({ baseUrl: 'https://api.test', fetch, headers: { 'x-static': 's' }, token: 'abc' }).request({ method: 'GET', path: '/p' });
    expect(sent[1].headers).toEqual({ accept: 'application/json', authorization: 'Bearer abc', 'x-static': 's' });
  });

  test('a token function is asked on every request', async () => {
    const { fetch, sent } = recordingFetch();
    let n = 0;
    const client = new HttpClient({ baseUrl: 'https://api.test', fetch, token: () => `t${++n}` });
    await client.request({ method: 'GET', path: '/p' });
    await client.request({ method: 'GET', path: '/p' });
    expect(sent.map((s) => s.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  test('returns the parsed JSON body; an empty body is undefined', async () => {
    const json = recordingFetch(() => Response.json({ statusCode: 200, data: { id: 'x' } }));
    expect(await new HttpClient({ baseUrl: 'http://h', fetch: json.fetch }).request({ method: 'GET', path: '/' })).toEqual({ statusCode: 200, data: { id: 'x' } });
    const empty = recordingFetch(() => new Response(null, { status: 204 }));
    expect(await new HttpClient({ baseUrl: 'http://h', fetch: empty.fetch }).request({ method: 'DELETE', path: '/' })).toBeUndefined();
  });

  test('HTTP errors become ApiError with status and the envelope fields the body has', async () => {
    const { fetch } = recordingFetch(() =>
      Response.json({ statusCode: 400, apiCode: 2001, message: 'bad user', requestId: 'r-1' }, { status: 400, statusText: 'Bad Request' }),
    );
    const error = await new HttpClient({ baseUrl: 'http://h', fetch }).request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'BadRequestError', status: 400, statusCode: 400, apiCode: 2001, requestId: 'r-1', message: 'bad user (HTTP 400, statusCode 400, apiCode 2001)' });
  });

  test('a non-JSON error body is kept as text', async () => {
    const { fetch } = recordingFetch(() => new Response('<html>gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await new HttpClient({ baseUrl: 'http://h', fetch, maxRetries: 0 }).request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, body: '<html>gateway</html>', message: 'Bad Gateway (HTTP 502)', statusCode: undefined });
  });

  test('a 2xx body that is not JSON is an ApiError', async () => {
    const { fetch } = recordingFetch(() => new Response('not json', { status: 200 }));
    await expect(new HttpClient({ baseUrl: 'http://h', fetch }).request({ method: 'GET', path: '/' })).rejects.toMatchObject({
      name: 'ApiError',
      status: 200,
      body: 'not json',
    });
  });

  test('with the envelope, a business statusCode other than 200 on HTTP 200 is an ApiError', async () => {
    const { fetch } = recordingFetch(() => Response.json({ statusCode: 403, apiCode: 1001, message: 'no permission', requestId: 'r-2' }));
    const client = new HttpClient({ baseUrl: 'http://h', fetch });
    await expect(client.request({ method: 'GET', path: '/', envelope: true })).rejects.toMatchObject({
      status: 200,
      statusCode: 403,
      apiCode: 1001,
      requestId: 'r-2',
      message: 'no permission (HTTP 200, statusCode 403, apiCode 1001)',
    });
    // Without the envelope (the response table shows none) the body is returned as it is.
    await expect(client.request({ method: 'GET', path: '/' })).resolves.toMatchObject({ statusCode: 403 });
  });

  test('envelope fields are read as own properties only', async () => {
    const { fetch } = recordingFetch(() => new Response('{"__proto__": {"statusCode": 500}, "statusCode": 200}'));
    await expect(new HttpClient({ baseUrl: 'http://h', fetch }).request({ method: 'GET', path: '/', envelope: true })).resolves.toBeDefined();
  });
});

describe('timeouts and aborts', () => {
  /** A fetch that never answers, and rejects with the signal's reason when aborted, like fetch does. */
  const hangingFetch: FetchFunction = (_url, init) =>
    new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

  test('the per-call timeout rejects with TimeoutError', async () => {
    const client = new HttpClient({ baseUrl: 'http://h', fetch: hangingFetch, timeoutMs: 10_000, maxRetries: 0 });
    const error = await client.request({ method: 'GET', path: '/' }, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ timeoutMs: 20, message: 'request timed out after 20 ms' });
  });

  test('the client timeout applies when the call sets none', async () => {
    const client = new HttpClient({ baseUrl: 'http://h', fetch: hangingFetch, timeoutMs: 20, maxRetries: 0 });
    await expect(client.request({ method: 'GET', path: '/' })).rejects.toBeInstanceOf(TimeoutError);
  });

  test("a caller's abort rejects with the signal's reason, before or during the request", async () => {
    const client = new HttpClient({ baseUrl: 'http://h', fetch: hangingFetch });
    const controller = new AbortController();
    const pending = client.request({ method: 'GET', path: '/' }, { signal: controller.signal });
    controller.abort(new Error('user gave up'));
    await expect(pending).rejects.toThrow('user gave up');
    await expect(client.request({ method: 'GET', path: '/' }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('a network error becomes ApiConnectionError with the error as its cause', async () => {
    const cause = new TypeError('fetch failed');
    const failing: FetchFunction = async () => {
      throw cause;
    };
    const error = await new HttpClient({ baseUrl: 'http://h', fetch: failing, maxRetries: 0 }).request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'ApiConnectionError', message: 'connection error: fetch failed', cause });
  });
});

describe('fillPath', () => {
  test('fills each {name} with its URI-encoded value', () => {
    expect(fillPath('/users/{id}/groups/{group}', { id: 'a b/c', group: 7 })).toBe('/users/a%20b%2Fc/groups/7');
    expect(fillPath('/plain', undefined)).toBe('/plain');
  });

  test('a missing, undefined or null value is an error naming the parameter; inherited keys do not count', () => {
    expect(() => fillPath('/users/{id}', {})).toThrow('missing path parameter id');
    expect(() => fillPath('/users/{id}', { id: undefined })).toThrow('missing path parameter id');
    expect(() => fillPath('/users/{id}', { id: null })).toThrow('missing path parameter id');
    expect(() => fillPath('/x/{toString}', {})).toThrow('missing path parameter toString');
  });
});

describe('the request contract: path, header parameters, body types, security', () => {
  test('path templates are filled; a missing one fails before anything is sent', async () => {
    const { fetch, sent } = recordingFetch();
    const client = new HttpClient({ baseUrl: 'https://api.test', fetch });
    await client.request({ method: 'DELETE', path: '/pets/{petId}', pathParams: { petId: 'p/1' } });
    expect(sent[0].url).toBe('https://api.test/pets/p%2F1');
    await expect(client.request({ method: 'DELETE', path: '/pets/{petId}', pathParams: {} })).rejects.toThrow('missing path parameter petId');
    expect(sent).toHaveLength(1);
  });

  test('header parameters: unset ones left out, arrays joined, objects as JSON; per-call headers still win', async () => {
    const { fetch, sent } = recordingFetch();
    await new HttpClient({ baseUrl: 'https://api.test', fetch }).request(
      { method: 'GET', path: '/p', headers: { 'x-trace': 't1', 'x-none': undefined, 'x-nil': null, 'x-list': ['a', 'b'], 'x-n': 3, 'x-obj': { k: 1 }, 'x-win': 'param' } },
      { headers: { 'x-win': 'call' } },
    );
    expect(sent[0].headers).toEqual({ accept: 'application/json', 'x-trace': 't1', 'x-list': 'a, b', 'x-n': '3', 'x-obj': '{"k":1}', 'x-win': 'call' });
  });

  test('a form body is URL-encoded, arrays as repeated keys, objects as JSON, unset values left out', async () => {
    const { fetch, sent } = recordingFetch();
    await new HttpClient({ baseUrl: 'https://api.test', fetch }).request({
      method: 'POST',
      path: '/f',
      bodyType: 'form',
      body: { name: 'a b', tags: ['x', 'y'], meta: { k: 1 }, gone: undefined },
    });
    expect(sent[0].rawBody).toBeInstanceOf(URLSearchParams);
    expect(String(sent[0].rawBody)).toBe('name=a+b&tags=x&tags=y&meta=%7B%22k%22%3A1%7D');
    const request = new Request('https://api.test/f', { method: 'POST', body: sent[0].rawBody });
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(sent[0].headers['content-type']).toBeUndefined();
  });

  test('a multipart body keeps Blobs as files and leaves the content type (with its boundary) to fetch', async () => {
    const { fetch, sent } = recordingFetch();
    const file = new Blob(['hello'], { type: 'text/plain' });
    await new HttpClient({ baseUrl: 'https://api.test', fetch }).request({
      method: 'POST',
      path: '/upload',
      bodyType: 'multipart',
      body: { file, note: 'n', count: 2 },
    });
    const form = sent[0].rawBody as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect([...form.keys()]).toEqual(['file', 'note', 'count']);
    expect(await (form.get('file') as Blob).text()).toBe('hello');
    expect([form.get('note'), form.get('count')]).toEqual(['n', '2']);
    expect(sent[0].headers['content-type']).toBeUndefined();
  });

  test('security: API keys in header, query and cookie; bearer and basic; all that the client has credentials for', async () => {
    const { fetch, sent } = recordingFetch();
    const client = new HttpClient({
      baseUrl: 'https://api.test',
      fetch,
      apiKey: async () => 'k 1',
      token: 'tok',
      basic: { username: 'ünï', password: 'p:w' },
    });
    await client.request({ method: 'GET', path: '/h', security: [{ type: 'apiKey', in: 'header', name: 'X-API-Key' }] });
    await client.request({ method: 'GET', path: '/q', query: { a: 1 }, security: [{ type: 'apiKey', in: 'query', name: 'api_key' }] });
    await client.request({ method: 'GET', path: '/c', security: [{ type: 'apiKey', in: 'cookie', name: 'session' }] });
    await client.request({ method: 'GET', path: '/b', security: [{ type: 'http', scheme: 'basic' }] });
    await client.request({ method: 'GET', path: '/t', security: [{ type: 'http', scheme: 'bearer' }] });
    expect(sent.map((s) => [s.url, s.headers])).toEqual([
      ['https://api.test/h', { accept: 'application/json', 'x-api-key': 'k 1' }],
      ['https://api.test/q?a=1&api_key=k%201', { accept: 'application/json' }],
      ['https://api.test/c', { accept: 'application/json', cookie: 'session=k%201' }],
      ['https://api.test/b', { accept: 'application/json', authorization: 'Basic ' + Buffer.from('ünï:p:w').toString('base64') }],
      ['https://api.test/t', { accept: 'application/json', authorization: 'Bearer tok' }],
    ]);
  });

  test('security: with no credentials for a requirement nothing is sent for it; an empty list sends no token', async () => {
    const { fetch, sent } = recordingFetch();
    const client = new HttpClient({ baseUrl: 'https://api.test', fetch, token: 'tok' });
    await client.request({ method: 'GET', path: '/a', security: [{ type: 'apiKey', in: 'header', name: 'x-key' }, { type: 'http', scheme: 'basic' }] });
    await client.request({ method: 'GET', path: '/b', security: [] });
    await client.request({ method: 'GET', path: '/c' });
    expect(sent.map((s) => s.headers)).toEqual([{ accept: 'application/json' }, { accept: 'application/json' }, { accept: 'application/json', authorization: 'Bearer tok' }]);
  });

  test('an API key named __proto__ in the query stays a query key', async () => {
    const { fetch, sent } = recordingFetch();
    await new HttpClient({ baseUrl: 'https://api.test', fetch, apiKey: 'k' }).request({
      method: 'GET',
      path: '/p',
      security: [{ type: 'apiKey', in: 'query', name: '__proto__' }],
    });
    expect(sent[0].url).toBe('https://api.test/p?__proto__=k');
  });
});

describe('errors by kind', () => {
  test('each HTTP status has its class; all are ApiError with the response headers', async () => {
    const kinds = [
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [409, ConflictError],
      [422, UnprocessableEntityError],
      [429, RateLimitError],
      [500, InternalServerError],
      [503, InternalServerError],
      [418, ApiError],
    ] as const;
    for (const [status, Kind] of kinds) {
      const { fetch } = recordingFetch(() => Response.json({ message: 'no' }, { status, headers: { 'x-request-id': `r-${status}` } }));
      const error = await new HttpClient({ baseUrl: 'http://h', fetch, maxRetries: 0 }).request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
      expect(error, String(status)).toBeInstanceOf(Kind);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).name).toBe(Kind.name);
      expect((error as ApiError).headers.get('x-request-id')).toBe(`r-${status}`);
      expect((error as ApiError).requestId).toBe(`r-${status}`);
    }
  });

  test("a business failure inside HTTP 200 takes the class of the envelope's statusCode", async () => {
    const { fetch } = recordingFetch(() => Response.json({ statusCode: 403, apiCode: 1001, message: 'no permission' }));
    const error = await new HttpClient({ baseUrl: 'http://h', fetch }).request({ method: 'GET', path: '/', envelope: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 200, statusCode: 403, apiCode: 1001 });
  });
});

describe('retries', () => {
  const flaky = (statuses: number[], headers: Record<string, string> = {}) =>
    recordingFetch((n) => (n < statuses.length ? Response.json({ message: 'busy' }, { status: statuses[n], headers }) : Response.json({ ok: n })));

  test('5xx on a GET: retried with exponential backoff (0.5 s, 1 s) then succeeds', async () => {
    const { fetch, sent } = flaky([503, 500]);
    const { clock, sleeps } = fakeClock();
    await expect(new HttpClient({ baseUrl: 'http://h', fetch, clock }).request({ method: 'GET', path: '/' })).resolves.toEqual({ ok: 2 });
    expect(sent).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  test('gives up after maxRetries (default 2): three requests, the last error', async () => {
    const { fetch, sent } = flaky([503, 503, 502, 503]);
    const { clock } = fakeClock();
    const error = await new HttpClient({ baseUrl: 'http://h', fetch, clock }).request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ApiError).status).toBe(502);
    expect(sent).toHaveLength(3);
  });

  test('maxRetries on the client and per call (the call wins)', async () => {
    const { clock } = fakeClock();
    const one = flaky([503, 503, 503, 503]);
    await expect(new HttpClient({ baseUrl: 'http://h', fetch: one.fetch, clock, maxRetries: 4 }).request({ method: 'GET', path: '/' })).resolves.toEqual({ ok: 4 });
    expect(one.sent).toHaveLength(5);
    const two = flaky([503]);
    await expect(new HttpClient({ baseUrl: 'http://h', fetch: two.fetch, clock, maxRetries: 4 }).request({ method: 'GET', path: '/' }, { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(two.sent).toHaveLength(1);
  });

  test('408, 409 and 429 are retried on any verb; other 4xx never', async () => {
    const { clock } = fakeClock();
    for (const status of [408, 409, 429]) {
      const { fetch, sent } = flaky([status]);
      await expect(new HttpClient({ baseUrl: 'http://h', fetch, clock }).request({ method: 'POST', path: '/', body: {} })).resolves.toEqual({ ok: 1 });
      expect(sent, String(status)).toHaveLength(2);
    }
    for (const status of [400, 401, 403, 404, 422]) {
      const { fetch, sent } = flaky([status]);
      await expect(new HttpClient({ baseUrl: 'http://h', fetch, clock }).request({ method: 'GET', path: '/' })).rejects.toBeInstanceOf(ApiError);
      expect(sent, String(status)).toHaveLength(1);
    }
  });

  test('POST and PATCH are not retried after a 5xx unless the caller opts in; PUT and DELETE are', async () => {
    const { clock } = fakeClock();
    for (const method of ['POST', 'PATCH'] as const) {
      const { fetch, sent } = flaky([503]);
      await expect(new HttpClient({ baseUrl: 'http://h', fetch, clock }).request({ method, path: '/' })).rejects.toBeInstanceOf(InternalServerError);
      expect(sent).toHaveLength(1);
      const optedIn = flaky([503]);
      await expect(new HttpClient({ baseUrl: 'http://h', fetch: optedIn.fetch, clock }).request({ method, path: '/' }, { retryNonIdempotent: true })).resolves.toEqual({ ok: 1 });
      expect(optedIn.sent).toHaveLength(2);
    }
    for (const method of ['PUT', 'DELETE'] as const) {
      const { fetch, sent } = flaky([503]);
      await expect(new HttpClient({ baseUrl: 'http://h', fetch, clock }).request({ method, path: '/' })).resolves.toEqual({ ok: 1 });
      expect(sent).toHaveLength(2);
    }
  });

  test('x-should-retry from the server wins over the status rule', async () => {
    const { clock } = fakeClock();
    const no = flaky([503], { 'x-should-retry': 'false' });
    await expect(new HttpClient({ baseUrl: 'http://h', fetch: no.fetch, clock }).request({ method: 'GET', path: '/' })).rejects.toBeInstanceOf(InternalServerError);
    expect(no.sent).toHaveLength(1);
    const yes = flaky([400], { 'x-should-retry': 'true' });
    await expect(new HttpClient({ baseUrl: 'http://h', fetch: yes.fetch, clock }).request({ method: 'POST', path: '/' })).resolves.toEqual({ ok: 1 });
    expect(yes.sent).toHaveLength(2);
  });

  test('Retry-After in seconds, as an HTTP date, and retry-after-ms are waited for exactly', async () => {
    for (const [headers, wait] of [
      [{ 'retry-after': '3' }, 3000],
      [{ 'retry-after': new Date(Date.UTC(2026, 0, 1, 0, 0, 7)).toUTCString() }, 7000],
      [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
      [{ 'retry-after': 'soon' }, 500],
    ] as const) {
      const { fetch, sent } = flaky([429], headers);
      const { clock, sleeps } = fakeClock();
      await new HttpClient({ baseUrl: 'http://h', fetch, clock }).request({ method: 'GET', path: '/' });
      expect(sent).toHaveLength(2);
      expect(sleeps).toEqual([wait]);
    }
  });

  test('a Retry-After over 60 s is not waited for: the call fails with the response', async () => {
    const { fetch, sent } = flaky([429], { 'retry-after': '3600' });
    const { clock, sleeps } = fakeClock();
    const error = await new HttpClient({ baseUrl: 'http://h', fetch, clock, logLevel: 'off' }).request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('3600');
    expect([sent.length, sleeps]).toEqual([1, []]);
  });

  test('jitter shortens each delay by up to 25 %; the cap is 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((retry) => backoff(retry, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoff(1, 0.5)).toBe(875);
    expect(backoff(1, 0.999)).toBeCloseTo(750.25);
  });

  test('serverDelay: none, negative dates clamp to 0', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(serverDelay(new Headers(), now)).toBeUndefined();
    expect(serverDelay(new Headers({ 'retry-after': new Date(now - 5000).toUTCString() }), now)).toBe(0);
    expect(serverDelay(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500);
  });

  test('connection errors and timeouts: retried on a GET, not on a POST unless opted in', async () => {
    const { clock, sleeps } = fakeClock();
    let calls = 0;
    const failing: FetchFunction = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    await expect(new HttpClient({ baseUrl: 'http://h', fetch: failing, clock }).request({ method: 'GET', path: '/' })).rejects.toBeInstanceOf(ApiConnectionError);
    expect([calls, sleeps]).toEqual([3, [500, 1000]]);
    calls = 0;
    await expect(new HttpClient({ baseUrl: 'http://h', fetch: failing, clock }).request({ method: 'POST', path: '/' })).rejects.toBeInstanceOf(ApiConnectionError);
    expect(calls).toBe(1);
    calls = 0;
    await expect(new HttpClient({ baseUrl: 'http://h', fetch: failing, clock, retryNonIdempotent: true }).request({ method: 'POST', path: '/' })).rejects.toBeInstanceOf(ApiConnectionError);
    expect(calls).toBe(3);
  });

  test("the caller's abort during a retry wait rejects with its reason and sends nothing more", async () => {
    const { fetch, sent } = flaky([503, 503]);
    const controller = new AbortController();
    const clock: Partial<Clock> = { sleep: async () => controller.abort(new Error('stop')) };
    await expect(new HttpClient({ baseUrl: 'http://h', fetch, clock }).request({ method: 'GET', path: '/' }, { signal: controller.signal })).rejects.toThrow('stop');
    expect(sent).toHaveLength(1);
  });
});

describe('raw access: ApiPromise', () => {
  test('await gives the data; withResponse() gives the data and the Response; one request for both', async () => {
    const { fetch, sent } = recordingFetch(() => Response.json({ id: 1 }, { headers: { 'x-request-id': 'r9' } }));
    const pending = new HttpClient({ baseUrl: 'http://h', fetch }).request<{ id: number }>({ method: 'GET', path: '/' });
    expect(pending).toBeInstanceOf(ApiPromise);
    expect(pending).toBeInstanceOf(Promise);
    const { data, response } = await pending.withResponse();
    expect(data).toEqual({ id: 1 });
    expect([response.status, response.headers.get('x-request-id')]).toEqual([200, 'r9']);
    expect(await pending).toEqual({ id: 1 });
    expect(await Promise.all([pending])).toEqual([{ id: 1 }]);
    expect(sent).toHaveLength(1);
  });

  test('then, catch and finally derive plain promises; a rejection reaches catch and withResponse', async () => {
    const { fetch } = recordingFetch(() => Response.json({ message: 'gone' }, { status: 404 }));
    const pending = new HttpClient({ baseUrl: 'http://h', fetch }).request({ method: 'GET', path: '/' });
    const caught = pending.catch((e: unknown) => e);
    expect(caught).not.toBeInstanceOf(ApiPromise);
    expect(await caught).toBeInstanceOf(NotFoundError);
    await expect(pending.withResponse()).rejects.toBeInstanceOf(NotFoundError);
    await expect(pending.finally(() => undefined)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('the client is not thenable', () => {
    const client = new HttpClient({ baseUrl: 'http://h' });
    expect('then' in client).toBe(false);
  });
});

describe('paginate', () => {
  const pagination = { pageParam: 'page', sizeParam: 'limit', itemsPath: ['data', 'list'], totalPath: ['data', 'totalCount'] };
  const pages = (lists: number[][], total: number | undefined) => {
    const asked: object[] = [];
    const fetchPage = async (params: { page?: number; limit?: number }) => {
      asked.push(params);
      return { data: { list: lists[(params.page ?? 1) - 1] ?? [], totalCount: total } };
    };
    return { asked, fetchPage };
  };
  const all = async <T>(items: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const item of items) out.push(item);
    return out;
  };

  test('walks the pages from the given one and stops at the total', async () => {
    const { asked, fetchPage } = pages([[1, 2], [3, 4], [5]], 5);
    expect(await all(paginate(fetchPage, { limit: 2, q: 'x' }, pagination))).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([{ limit: 2, q: 'x', page: 1 }, { limit: 2, q: 'x', page: 2 }, { limit: 2, q: 'x', page: 3 }]);
    const from2 = pages([[1, 2], [3, 4], [5]], 5);
    expect(await all(paginate(from2.fetchPage, { page: 2, limit: 2 }, pagination))).toEqual([3, 4, 5]);
  });

  test('a server that ignores the page: the repeated page ends it (two requests)', async () => {
    const asked: object[] = [];
    const fetchPage = async (params: object) => (asked.push(params), { data: { list: [1, 2], totalCount: 100 } });
    expect(await all(paginate(fetchPage, {}, pagination))).toEqual([1, 2]);
    expect(asked).toHaveLength(2);
  });

  test('no total: stops on an empty page or a page shorter than the limit', async () => {
    const empty = pages([[1, 2], [3, 4]], undefined);
    expect(await all(paginate(empty.fetchPage, {}, pagination))).toEqual([1, 2, 3, 4]);
    expect(empty.asked).toHaveLength(3);
    const short = pages([[1, 2], [3]], undefined);
    expect(await all(paginate(short.fetchPage, { limit: 2 }, pagination))).toEqual([1, 2, 3]);
    expect(short.asked).toHaveLength(2);
  });

  test('a body without the list ends at once; stopping the loop early stops fetching', async () => {
    const asked: object[] = [];
    expect(await all(paginate(async (p: object) => (asked.push(p), { data: null }), {}, pagination))).toEqual([]);
    const { asked: more, fetchPage } = pages([[1, 2], [3, 4]], 4);
    for await (const item of paginate(fetchPage, {}, pagination)) if (item === 1) break;
    expect([asked.length, more.length]).toEqual([1, 1]);
  });
});

describe('hooks, logging, User-Agent', () => {
  test('beforeRequest may change the request; afterResponse sees each response; onError the final error', async () => {
    const { fetch, sent } = recordingFetch((n) => (n === 0 ? Response.json({}, { status: 503 }) : Response.json({ message: 'no' }, { status: 401 })));
    const { clock } = fakeClock();
    const events: string[] = [];
    const client = new HttpClient({
      baseUrl: 'http://h',
      fetch,
      clock,
      beforeRequest: (request) => {
        events.push(`before ${request.attempt}`);
        request.init.headers.set('x-signature', `sig-${request.attempt}`);
        request.url += '?signed=1';
      },
      afterResponse: (response, request) => void events.push(`after ${request.attempt} ${response.status}`),
      onError: (error, request) => void events.push(`error ${(error as Error).name} ${request?.attempt}`),
    });
    await expect(client.request({ method: 'GET', path: '/p' })).rejects.toBeInstanceOf(AuthenticationError);
    expect(events).toEqual(['before 0', 'after 0 503', 'before 1', 'after 1 401', 'error AuthenticationError 1']);
    expect(sent.map((s) => [s.url, s.headers['x-signature']])).toEqual([['http://h/p?signed=1', 'sig-0'], ['http://h/p?signed=1', 'sig-1']]);
  });

  test('onError also sees errors before any request (a missing path parameter)', async () => {
    const seen: unknown[] = [];
    const client = new HttpClient({ baseUrl: 'http://h', fetch: recordingFetch().fetch, onError: (error, request) => void seen.push(error, request) });
    await expect(client.request({ method: 'GET', path: '/{id}' })).rejects.toThrow('missing path parameter id');
    expect(seen).toEqual([expect.objectContaining({ message: 'missing path parameter id' }), undefined]);
  });

  test('the logger gets messages at or above its level, never the query or headers', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (m) => void lines.push(`debug ${m}`),
      info: (m) => void lines.push(`info ${m}`),
      warn: (m) => void lines.push(`warn ${m}`),
      error: (m) => void lines.push(`error ${m}`),
    };
    const { clock } = fakeClock();
    const retryOnce = () => recordingFetch((n) => (n === 0 ? Response.json({}, { status: 503 }) : Response.json({}))).fetch;
    const options = { baseUrl: 'http://h', clock, logger, apiKey: 'secret' };
    const spec: RequestSpec = { method: 'GET', path: '/p', security: [{ type: 'apiKey', in: 'query', name: 'key' }] };
    await new HttpClient({ ...options, fetch: retryOnce(), logLevel: 'debug' }).request(spec);
    expect(lines).toEqual(['debug [sdk] GET http://h/p', 'debug [sdk] 503 GET http://h/p', 'info [sdk] retrying after HTTP 503', 'debug [sdk] GET http://h/p', 'debug [sdk] 200 GET http://h/p']);
    lines.length = 0;
    await new HttpClient({ ...options, fetch: retryOnce(), logLevel: 'info' }).request(spec);
    expect(lines).toEqual(['info [sdk] retrying after HTTP 503']);
    lines.length = 0;
    await new HttpClient({ ...options, fetch: retryOnce() }).request(spec); // default level: warn
    await new HttpClient({ ...options, fetch: recordingFetch(() => Response.json({}, { status: 429, headers: { 'retry-after': '61' } })).fetch }).request(spec).catch(() => undefined);
    expect(lines).toEqual(['warn [sdk] not retrying: the server asks to wait 61000 ms']);
  });

  test('User-Agent: the SDK name and version outside browsers; a per-client header wins', async () => {
    const { fetch, sent } = recordingFetch();
    await new HttpClient({ baseUrl: 'http://h', fetch }, 'my-sdk/1.2.3').request({ method: 'GET', path: '/' });
    await new HttpClient({ baseUrl: 'http://h', fetch, headers: { 'user-agent': 'app/9' } }, 'my-sdk/1.2.3').request({ method: 'GET', path: '/' });
    expect(sent.map((s) => s.headers['user-agent'])).toEqual(['my-sdk/1.2.3', 'app/9']);
  });
});
