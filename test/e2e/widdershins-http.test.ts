// The SDK generated from Widdershins pages against a real local HTTP server: path parameters
// encoded into the path, query and header parameters, JSON and form bodies, API key and basic
// auth from the pages' security schemes, the page's base URL as the default, HTTP errors.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import { loadModel } from '../../generator/pipeline.js';
import { importSdk, writeRunnableSdk } from '../helpers/sdk.js';
import { closeServer, startRecordingServer } from '../helpers/test-server.js';

const RBASKETS = 'test/fixtures/widdershins/markdown/rbaskets.in/index.md';
const TWILIO = 'test/fixtures/widdershins/markdown/twilio.com__twilio_messaging_v1/index.md';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Method = (params?: object, options?: object) => Promise<unknown>;
type Client = Record<string, Method>;

let pagesDir: string;
let sdkDir: string;
let sdk: Record<string, unknown>;
let baseUrl: string;
let server: Server;
let received: Received[] = [];
let reply: (res: ServerResponse) => void;

const json = (status: number, body: unknown) => (res: ServerResponse) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

function client(name: string, options: object = {}): Client {
  const Class = sdk[name] as new (options: object) => Client;
  return new Class({ baseUrl, ...options });
}

beforeAll(async () => {
  // The rbaskets page with one header parameter added to "Get baskets", as a page may show one.
  pagesDir = await mkdtemp(path.join(tmpdir(), 'docsdk-widdershins-'));
  const rbaskets = readFileSync(RBASKETS, 'utf8').replace(
    '|q|query|string|false|Query string to filter result, only those basket names',
    '|X-Trace-Id|header|string|false|Trace id of the call|\n|q|query|string|false|Query string to filter result, only those basket names',
  );
  await mkdir(path.join(pagesDir, 'rbaskets'));
  await mkdir(path.join(pagesDir, 'twilio'));
  await writeFile(path.join(pagesDir, 'rbaskets', 'index.md'), rbaskets);
  await writeFile(path.join(pagesDir, 'twilio', 'index.md'), readFileSync(TWILIO));
  const { model } = await loadModel([pagesDir]);
  const emitted = await emitSdk(model);
  // The page's structures named like fetch's globals are renamed (the SDK's own code uses those globals).
  expect(emitted.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.section])).toEqual([
    ['emit.name', 'structure:Headers'],
    ['emit.name', 'structure:Request'],
    ['emit.name', 'structure:Response'],
  ]);
  sdkDir = await writeRunnableSdk(emitted.files);
  sdk = await importSdk(sdkDir);
  ({ server, baseUrl } = await startRecordingServer((req, res) => {
    received.push(req);
    reply(res);
  }));
});

afterAll(async () => {
  await closeServer(server);
  await rm(sdkDir, { recursive: true, force: true });
  await rm(pagesDir, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
  reply = json(200, { ok: true });
});

describe('requests', () => {
  test('path parameters are encoded into the path; the API key goes in the header the scheme names', async () => {
    await client('ResponsesClient', { apiKey: 'k1' }).getResponseSettings({ name: 'a b/c', method: 'GET' });
    expect(received).toMatchObject([{ method: 'GET', url: '/baskets/a%20b%2Fc/responses/GET', body: '' }]);
    expect(received[0].headers.authorization).toBe('k1');
  });

  test('query and header parameters go where the page says; unset ones are left out', async () => {
    await client('BasketsClient', { apiKey: 'k2' }).getBaskets({ max: 5, q: 'x', 'X-Trace-Id': 't-1' });
    expect(received[0].url).toBe('/baskets?max=5&q=x');
    expect(received[0].headers['x-trace-id']).toBe('t-1');
  });

  test('a JSON body from `body`, the path parameter beside it; an operation needing no auth sends none', async () => {
    reply = json(201, { token: 'tok' });
    const result = await client('BasketsClient', { apiKey: 'k3' }).createNewBasket({ name: 'b1', body: { capacity: 10 } });
    expect(result).toEqual({ token: 'tok' });
    expect(received[0]).toMatchObject({ method: 'POST', url: '/baskets/b1' });
    expect(JSON.parse(received[0].body)).toEqual({ capacity: 10 });
    expect(received[0].headers['content-type']).toBe('application/json');
    expect(received[0].headers.authorization).toBeUndefined();
  });

  test('a form body where the page shows application/x-www-form-urlencoded; HTTP basic from the scheme', async () => {
    const services = client('MessagingV1ServiceClient', { basic: { username: 'AC1', password: 'secret' } });
    await services.createService({ body: { FriendlyName: 'svc', StickySender: true } });
    expect(received[0]).toMatchObject({ method: 'POST', url: '/v1/Services', body: 'FriendlyName=svc&StickySender=true' });
    expect(received[0].headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(received[0].headers.authorization).toBe(`Basic ${Buffer.from('AC1:secret').toString('base64')}`);
  });

  test('the base URL of the page is the default', async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response('{}', { status: 200 });
    };
    const Class = sdk.ServiceClient as new (options: object) => Client;
    await new Class({ fetch }).getServiceVersion();
    expect(urls).toEqual(['https://rbaskets.in/api/version']);
  });

  test('a status the page lists as an error becomes its ApiError subclass with that status', async () => {
    reply = json(404, { error: 'no basket' });
    await expect(client('BasketsClient', { apiKey: 'k' }).getBasketSettings({ name: 'x' })).rejects.toMatchObject({ name: 'NotFoundError', status: 404, body: { error: 'no basket' } });
  });
});
