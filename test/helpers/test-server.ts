// A local HTTP server for SDK tests: binds 127.0.0.1 on a free port, records every request,
// answers with the handler the test sets (faults included), sends CORS headers so a page of
// another origin can call it, and closes itself after a bound even if a test forgets to.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: Received, response: ServerResponse, n: number) => void;

export interface TestServer {
  baseUrl: string;
  /** Requests received since the last `handle`, CORS preflights left out. */
  received: Received[];
  /**
   * Sets how the next requests are answered (`n` counts them from 0) and starts a new count.
   * A request sent with an older `x-test-tag` (a test's late request) is dropped, uncounted.
   */
  handle(handler: Handler): void;
  /** Send it as `x-test-tag`: it names the current handler. */
  readonly tag: string;
  close(): Promise<void>;
}

/** Closed after this long whatever the tests do, so no run is left with a server open. */
const LIFETIME_MS = 5 * 60_000;

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export async function startTestServer(): Promise<TestServer> {
  let handler: Handler = (_request, response) => json(response, 200, {});
  const state = { received: [] as Received[], tag: 0 };
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', '*');
    if (req.method === 'OPTIONS') {
      // `*` does not cover Authorization: echo the headers the browser asks for.
      const asked = req.headers['access-control-request-headers'] ?? '';
      res.writeHead(204, { 'access-control-allow-methods': '*', 'access-control-allow-headers': asked, 'access-control-max-age': '600' }).end();
      return;
    }
    const tag = req.headers['x-test-tag'];
    if (tag !== undefined && tag !== String(state.tag)) {
      res.writeHead(410).end();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const entry = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body };
      state.received.push(entry);
      handler(entry, res, state.received.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const lifetime = setTimeout(close, LIFETIME_MS);
  lifetime.unref();
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get received() {
      return state.received;
    },
    get tag() {
      return String(state.tag);
    },
    handle(next) {
      handler = next;
      state.received = [];
      state.tag++;
    },
    close,
  };
}

/** One request as a plain recording server hands it over, its body read whole. */
export interface RawRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A plain node:http server on 127.0.0.1 and a free port that reads each request's body and
 * hands the request to `onRequest` (no CORS, no tags: for tests in this process). Close it
 * with closeServer.
 */
export async function startRecordingServer(onRequest: (request: RawRequest, response: ServerResponse) => void): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => onRequest({ method: req.method ?? '', url: req.url ?? '/', headers: req.headers, body }, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Closes a recording server and the connections kept alive to it. */
export async function closeServer(server: Server | undefined): Promise<void> {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
}
