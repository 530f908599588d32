// The generated SDK against a real local HTTP server: what goes over the wire, and how
// answers come back (data, HTTP errors, business errors, timeouts, aborts).
import { rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import { loadModel } from '../../generator/pipeline.js';
import { importSdk, writeRunnableSdk } from '../helpers/sdk.js';
import { closeServer, startRecordingServer } from '../helpers/test-server.js';

const PAGES = 'test/fixtures/corpus/zh/markdown/**/{get-user-groups,get-user-batch,get-user-departments,kick-users,signin}.md';

interface Received {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: Received, res: ServerResponse) => void;
type Method = (params: object, options?: object) => Promise<unknown>;
type Client = Record<string, Method>;

let sdkDir: string;
let sdk: Record<string, unknown>;
let baseUrl: string;
let server: Server;
let received: Received[] = [];
let handler: Handler;

const ok: Handler = (_req, res) => json(res, 200, { statusCode: 200, message: 'ok', data: { id: 'g1' } });

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function client(name: 'ManagementClient' | 'AuthenticationClient', options: object = {}): Client {
  const Class = sdk[name] as new (options: object) => Client;
  // Retry waits are skipped: these tests are about what goes over the wire (test/e2e/faults.test.ts times retries).
  return new Class({ baseUrl, token: 'secret-token', clock: { sleep: async () => undefined }, ...options });
}

beforeAll(async () => {
  const { model } = await loadModel([PAGES]);
  expect(model.clients.flatMap((c) => c.operations.map((op) => `${op.http.verb} ${op.name}`)).sort()).toEqual([
    'GET getUserBatch',
    'GET getUserDepartments',
    'GET getUserGroups',
    'POST kickUsers',
    'POST signInByCredentials',
  ]);
  sdkDir = await writeRunnableSdk((await emitSdk(model)).files);
  sdk = await importSdk(sdkDir);
  ({ server, baseUrl } = await startRecordingServer((req, res) => {
    const url = new URL(req.url, 'http://local');
    const entry = { method: req.method, path: url.pathname, query: url.search, headers: req.headers, body: req.body };
    received.push(entry);
    handler(entry, res);
  }));
});

afterAll(async () => {
  await closeServer(server);
  await rm(sdkDir, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
  handler = ok;
});

describe('requests', () => {
  test('GET: exact path and query, bearer token, no body; returns the parsed response', async () => {
    const result = await client('ManagementClient').getUserGroups({ userId: 'u 1/é', userIdType: 'phone' });
    expect(result).toEqual({ statusCode: 200, message: 'ok', data: { id: 'g1' } });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'GET', path: '/api/v3/get-user-groups', query: '?userId=u%201%2F%C3%A9&userIdType=phone', body: '' });
    expect(received[0].headers.authorization).toBe('Bearer secret-token');
    expect(received[0].headers.accept).toBe('application/json');
    expect(received[0].headers['content-type']).toBeUndefined();
  });

  test('GET: arrays as repeated keys, booleans and numbers as text, unset parameters left out', async () => {
    const management = client('ManagementClient');
    await management.getUserBatch({ userIds: ['a', 'b'], withCustomData: true, flatCustomData: false, withIdentities: undefined });
    await management.getUserDepartments({ userId: 'u1', page: 2, limit: 50 });
    expect(received.map((r) => `${r.path}${r.query}`)).toEqual([
      '/api/v3/get-user-batch?userIds=a&userIds=b&withCustomData=true&flatCustomData=false',
      '/api/v3/get-user-departments?userId=u1&page=2&limit=50',
    ]);
  });

  test('POST: exact JSON body and content type, static and per-call headers', async () => {
    const management = client('ManagementClient', { headers: { 'x-authing-userpool-id': 'pool-1' } });
    await management.kickUsers({ appIds: ['app1'], userId: 'u1', options: { userIdType: 'user_id' } }, { headers: { 'x-request-tag': 't1' } });
    expect(received[0]).toMatchObject({ method: 'POST', path: '/api/v3/kick-users', query: '' });
    expect(JSON.parse(received[0].body)).toEqual({ appIds: ['app1'], userId: 'u1', options: { userIdType: 'user_id' } });
    expect(received[0].headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer secret-token',
      'x-authing-userpool-id': 'pool-1',
      'x-request-tag': 't1',
    });
  });

  test('the other client, with an async token and async headers', async () => {
    const authentication = client('AuthenticationClient', { token: async () => 'fresh', headers: async () => ({ 'x-app': 'a1' }) });
    await authentication.signInByCredentials({ connection: 'PASSWORD', passwordPayload: { account: 'bob', password: 'p' } });
    expect(received[0]).toMatchObject({ method: 'POST', path: '/api/v3/signin' });
    expect(JSON.parse(received[0].body)).toEqual({ connection: 'PASSWORD', passwordPayload: { account: 'bob', password: 'p' } });
    expect(received[0].headers).toMatchObject({ authorization: 'Bearer fresh', 'x-app': 'a1' });
  });
});

describe('errors', () => {
  test('an HTTP error status becomes ApiError with status and envelope fields', async () => {
    handler = (_req, res) => json(res, 401, { statusCode: 401, apiCode: 2010, message: '未登录', requestId: 'req-401' });
    const error = await client('ManagementClient').getUserGroups({ userId: 'u1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.ApiError as new () => Error);
    expect(error).toMatchObject({ status: 401, statusCode: 401, apiCode: 2010, requestId: 'req-401', message: '未登录 (HTTP 401, statusCode 401, apiCode 2010)' });
  });

  test('a business failure inside HTTP 200 becomes ApiError (the response table shows the envelope)', async () => {
    handler = (_req, res) => json(res, 200, { statusCode: 400, apiCode: 1001, message: '参数错误', requestId: 'req-400' });
    const error = await client('ManagementClient').kickUsers({ appIds: [], userId: 'u1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.BadRequestError as new () => Error);
    expect(error).toBeInstanceOf(sdk.ApiError as new () => Error);
    expect(error).toMatchObject({
      name: 'BadRequestError',
      status: 200,
      statusCode: 400,
      apiCode: 1001,
      requestId: 'req-400',
    });
  });

  test('a body that is not JSON becomes ApiError with the text', async () => {
    handler = (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>bad gateway</h1>');
    await expect(client('ManagementClient').getUserGroups({ userId: 'u1' }, { maxRetries: 0 })).rejects.toMatchObject({ status: 502, body: '<h1>bad gateway</h1>' });
  });
});

describe('timeouts and aborts', () => {
  // The server never answers; the client gives up.
  const silent: Handler = () => {};

  test('a per-call timeout rejects with TimeoutError', async () => {
    handler = silent;
    // Long enough for the request to reach the server first on a loaded machine.
    const error = await client('ManagementClient').getUserGroups({ userId: 'u1' }, { timeoutMs: 1000, maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.TimeoutError as new () => Error);
    expect(error).toMatchObject({ timeoutMs: 1000 });
    expect(received).toHaveLength(1);
  });

  test('the client timeout applies to every call', async () => {
    handler = silent;
    await expect(client('ManagementClient', { timeoutMs: 50 }).kickUsers({ appIds: [], userId: 'u1' })).rejects.toBeInstanceOf(
      sdk.TimeoutError as new () => Error,
    );
  });

  test("the caller's signal aborts the request with its reason", async () => {
    handler = silent;
    const controller = new AbortController();
    const pending = client('ManagementClient').getUserGroups({ userId: 'u1' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    await expect(pending).rejects.toThrow('user cancelled');
  });
});
