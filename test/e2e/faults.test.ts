// The generated SDK against a real local server that injects faults: rate limits, server
// errors, connection resets, slow and stalled responses, and paginated lists (one that
// ignores the page number). Each test counts the requests the server received and checks the
// error class. Retry waits go through an injected clock, so nothing sleeps for real; only
// the attempt timeouts are real timers, long enough (STALL_MS) for any answered request to
// reach the server first on a loaded machine; requests a test leaves behind are not counted
// by the next (x-test-tag).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import { loadModel } from '../../generator/pipeline.js';
import { importSdk, writeRunnableSdk } from '../helpers/sdk.js';
import { json, startTestServer, type Received, type TestServer } from '../helpers/test-server.js';

const PAGES = 'test/fixtures/corpus/zh/markdown/**/{get-user-groups,get-user-departments,kick-users}.md';

/** A method (an ApiPromise) or an iterator method (an AsyncGenerator), as the test calls them. */
type Method = (params: object, options?: object) => Promise<unknown> & { withResponse(): Promise<{ data: unknown; response: Response }> } & AsyncIterable<unknown>;
type Client = Record<string, Method>;
type ErrorClass = new (...args: never[]) => Error;

let sdkDir: string;
let sdk: Record<string, unknown>;
let server: TestServer;

const errorClass = (name: string) => sdk[name] as ErrorClass;

/** The timeout of attempts the server holds open. */
const STALL_MS = 1000;

/** A client whose retry waits are recorded and skipped; each request is tagged with the handler current when it is sent. */
function client(options: object = {}) {
  const sleeps: number[] = [];
  const clock = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0, now: () => Date.UTC(2026, 0, 1) };
  const Class = sdk.ManagementClient as new (options: object) => Client;
  const headers = () => ({ 'x-test-tag': server.tag });
  return { management: new Class({ baseUrl: server.baseUrl, token: 't', clock, headers, ...options }), sleeps };
}

const ok = { statusCode: 200, message: 'ok', data: { id: 'g1' } };
/** Holds the response open: the client's timeout has to end the attempt. */
const stall = () => undefined;

beforeAll(async () => {
  const { model } = await loadModel([PAGES]);
  sdkDir = await writeRunnableSdk((await emitSdk(model)).files);
  sdk = await importSdk(sdkDir);
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  if (sdkDir) await rm(sdkDir, { recursive: true, force: true });
});

describe('retries against a real server', () => {
  test('429 with Retry-After: waits what the server asks, then succeeds (2 requests)', async () => {
    server.handle((_req, res, n) => (n === 0 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '2' }) : json(res, 200, ok)));
    const { management, sleeps } = client();
    await expect(management.getUserGroups({ userId: 'u1' })).resolves.toEqual(ok);
    expect(server.received).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  test('429 every time: RateLimitError after 1 + maxRetries requests, with the response headers', async () => {
    server.handle((_req, res) => json(res, 429, { message: 'slow down' }, { 'retry-after-ms': '20', 'x-request-id': 'rq-9' }));
    const { management, sleeps } = client({ maxRetries: 3 });
    const error = await management.getUserGroups({ userId: 'u1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass('RateLimitError'));
    expect(error).toBeInstanceOf(errorClass('ApiError'));
    expect(error).toMatchObject({ status: 429, requestId: 'rq-9' });
    expect((error as { headers: Headers }).headers.get('retry-after-ms')).toBe('20');
    expect(server.received).toHaveLength(4);
    expect(sleeps).toEqual([20, 20, 20]);
  });

  test('503 then success on a GET: 2 requests, one backoff of 0.5 s', async () => {
    server.handle((_req, res, n) => (n === 0 ? json(res, 503, { message: 'unavailable' }) : json(res, 200, ok)));
    const { management, sleeps } = client();
    await expect(management.getUserGroups({ userId: 'u1' })).resolves.toEqual(ok);
    expect(server.received.map((r) => r.path)).toEqual(['/api/v3/get-user-groups', '/api/v3/get-user-groups']);
    expect(sleeps).toEqual([500]);
  });

  test('503 on a POST: InternalServerError after 1 request; 2 when the caller opts in', async () => {
    server.handle((_req, res, n) => (n === 0 ? json(res, 503, { message: 'unavailable' }) : json(res, 200, ok)));
    const { management } = client();
    await expect(management.kickUsers({ appIds: [], userId: 'u1' })).rejects.toBeInstanceOf(errorClass('InternalServerError'));
    expect(server.received).toHaveLength(1);
    server.handle((_req, res, n) => (n === 0 ? json(res, 503, { message: 'unavailable' }) : json(res, 200, ok)));
    await expect(management.kickUsers({ appIds: [], userId: 'u1' }, { retryNonIdempotent: true })).resolves.toEqual(ok);
    expect(server.received).toHaveLength(2);
  });

  test('connection reset: a GET is retried (2 requests); a POST fails with ApiConnectionError (1 request)', async () => {
    server.handle((_req, res, n) => (n === 0 ? res.socket?.destroy() : json(res, 200, ok)));
    const { management } = client();
    await expect(management.getUserGroups({ userId: 'u1' })).resolves.toEqual(ok);
    expect(server.received).toHaveLength(2);
    server.handle((_req, res) => res.socket?.destroy());
    const error = await management.kickUsers({ appIds: [], userId: 'u1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass('ApiConnectionError'));
    expect(error).not.toBeInstanceOf(errorClass('TimeoutError'));
    expect(server.received).toHaveLength(1);
  });

  test('a slow response past the timeout: each attempt times out on its own (3 requests), then TimeoutError', async () => {
    server.handle(stall);
    const { management, sleeps } = client({ timeoutMs: STALL_MS });
    const error = await management.getUserGroups({ userId: 'u1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass('TimeoutError'));
    expect(error).toBeInstanceOf(errorClass('ApiConnectionError'));
    expect(error).toMatchObject({ timeoutMs: STALL_MS });
    expect(server.received).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  test('a body that stalls after the headers times out too, and the retry succeeds', async () => {
    server.handle((_req, res, n) => {
      if (n > 0) return json(res, 200, ok);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"statusCode": 200, "data": ');
    });
    const { management } = client({ timeoutMs: STALL_MS });
    await expect(management.getUserGroups({ userId: 'u1' })).resolves.toEqual(ok);
    expect(server.received).toHaveLength(2);
  });

  test('a POST that times out is not retried (1 request), unless the caller opts in (3)', async () => {
    server.handle(stall);
    const { management } = client({ timeoutMs: STALL_MS });
    await expect(management.kickUsers({ appIds: [], userId: 'u1' })).rejects.toBeInstanceOf(errorClass('TimeoutError'));
    expect(server.received).toHaveLength(1);
    server.handle(stall);
    await expect(management.kickUsers({ appIds: [], userId: 'u1' }, { retryNonIdempotent: true })).rejects.toBeInstanceOf(errorClass('TimeoutError'));
    expect(server.received).toHaveLength(3);
  });

  test('a business failure inside HTTP 200 is not retried and has the class of its statusCode', async () => {
    server.handle((_req, res) => json(res, 200, { statusCode: 404, apiCode: 2004, message: '用户不存在', requestId: 'r-404' }));
    const { management } = client();
    const error = await management.getUserGroups({ userId: 'nobody' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass('NotFoundError'));
    expect(error).toMatchObject({ status: 200, statusCode: 404, apiCode: 2004, requestId: 'r-404' });
    expect(server.received).toHaveLength(1);
  });
});

describe('raw access, hooks and User-Agent against a real server', () => {
  test('a client is not thenable: awaiting it gives the client; awaiting a call gives the body', async () => {
    server.handle((_req, res) => json(res, 200, ok));
    const { management } = client();
    expect('then' in management).toBe(false);
    expect(await management).toBe(management);
    const pending = management.getUserGroups({ userId: 'u1' });
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual(ok);
    expect(server.received).toHaveLength(1);
  });

  test('withResponse() gives the data and the Response; beforeRequest adds a header the server sees', async () => {
    server.handle((req, res) => json(res, 200, ok, { 'x-request-id': `seen-${req.headers['x-trace-id']}` }));
    const seen: number[] = [];
    const { management } = client({
      beforeRequest: (request: { init: { headers: Headers } }) => request.init.headers.set('x-trace-id', 'trace-1'),
      afterResponse: (response: Response) => void seen.push(response.status),
    });
    const { data, response } = await management.getUserGroups({ userId: 'u1' }).withResponse();
    expect(data).toEqual(ok);
    expect([response.status, response.headers.get('x-request-id')]).toEqual([200, 'seen-trace-1']);
    expect(seen).toEqual([200]);
    expect(server.received[0].headers['user-agent']).toBe('api-sdk/0.1.0');
  });
});

describe('auto-pagination against a real server', () => {
  const USERS = ['d1', 'd2', 'd3', 'd4', 'd5'].map((departmentId) => ({ departmentId }));
  const pageOf = (req: Received, ignorePage = false) => {
    const page = ignorePage ? 1 : Number(req.query.get('page') ?? 1);
    const limit = Number(req.query.get('limit') ?? 10);
    return { statusCode: 200, message: 'ok', data: { totalCount: USERS.length, list: USERS.slice((page - 1) * limit, page * limit) } };
  };
  const collect = async (items: AsyncIterable<unknown>) => {
    const out: unknown[] = [];
    for await (const item of items) out.push(item);
    return out;
  };

  test('a list of 3 pages: every item once, 3 requests with page 1, 2, 3 and the other parameters kept', async () => {
    server.handle((req, res) => json(res, 200, pageOf(req)));
    const { management } = client();
    expect(await collect(management.getUserDepartmentsIterate({ userId: 'u1', limit: 2 }))).toEqual(USERS);
    expect(server.received.map((r) => r.query.toString())).toEqual([
      'userId=u1&limit=2&page=1',
      'userId=u1&limit=2&page=2',
      'userId=u1&limit=2&page=3',
    ]);
  });

  test('a server that ignores page: the iteration stops at the repeated page (2 requests)', async () => {
    server.handle((req, res) => json(res, 200, pageOf(req, true)));
    const { management } = client();
    expect(await collect(management.getUserDepartmentsIterate({ userId: 'u1', limit: 2 }))).toEqual(USERS.slice(0, 2));
    expect(server.received).toHaveLength(2);
  });

  test('an error on page 2 ends the iteration with its class, after the items of page 1', async () => {
    server.handle((req, res, n) => (n === 0 ? json(res, 200, pageOf(req)) : json(res, 403, { statusCode: 403, message: 'no' })));
    const { management } = client();
    const items: unknown[] = [];
    const error = await (async () => {
      for await (const item of management.getUserDepartmentsIterate({ userId: 'u1', limit: 2 })) items.push(item);
    })().catch((e: unknown) => e);
    expect(items).toEqual(USERS.slice(0, 2));
    expect(error).toBeInstanceOf(errorClass('PermissionDeniedError'));
    expect(server.received).toHaveLength(2);
  });
});
