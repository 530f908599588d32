import { describe, expect, test } from 'vitest';
import { ApiError, fillPath, HttpClient, pick, queryString, TimeoutError, type FetchFunction } from '../../generator/emit/runtime/runtime.js';

interface Sent {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
  rawBody: RequestInit['body'];
}

/** A fetch that records what it was given and answers `reply`. */
function recordingFetch(reply: () => Response = () => Response.json({ statusCode: 200, data: 1 })) {
  const sent: Sent[] = [];
  const fetch: FetchFunction = async (url, init) => {
    sent.push({
      url,
      method: init.method,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      rawBody: init.body,
    });
    return reply();
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
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'ApiError', status: 400, statusCode: 400, apiCode: 2001, requestId: 'r-1', message: 'bad user (HTTP 400, statusCode 400, apiCode 2001)' });
  });

  test('a non-JSON error body is kept as text', async () => {
    const { fetch } = recordingFetch(() => new Response('<html>gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await new HttpClient({ baseUrl: 'http://h', fetch }).request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
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
    const client = new HttpClient({ baseUrl: 'http://h', fetch: hangingFetch, timeoutMs: 10_000 });
    const error = await client.request({ method: 'GET', path: '/' }, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 20, message: 'request timed out after 20 ms' });
  });

  test('the client timeout applies when the call sets none', async () => {
    const client = new HttpClient({ baseUrl: 'http://h', fetch: hangingFetch, timeoutMs: 20 });
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

  test('network errors pass through unchanged', async () => {
    const failing: FetchFunction = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(new HttpClient({ baseUrl: 'http://h', fetch: failing }).request({ method: 'GET', path: '/' })).rejects.toThrow(TypeError);
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
