// A local API server that routes like a real framework: 404 for an unknown path, 405 (with
// Allow) for a known path with the wrong verb, 401 without credentials; with a bearer token,
// 200 and a body built from the facts' response fields. Binds 127.0.0.1 on port 0, logs every
// request, and closes by itself after `lifetimeMs` should a test forget to.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiRoute {
  verb: string;
  path: string;
  /** The JSON the route answers an authorized request with. */
  body?: unknown;
}

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

export interface ApiServer {
  baseUrl: string;
  log: Received[];
  close(): Promise<void>;
}

export async function startApiServer(routes: ApiRoute[], { lifetimeMs = 5 * 60_000, authBeforeRouting = false } = {}): Promise<ApiServer> {
  const byPath = new Map<string, Map<string, ApiRoute>>();
  for (const r of routes) byPath.set(r.path, (byPath.get(r.path) ?? new Map()).set(r.verb, r));
  const log: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      const verbs = byPath.get(path);
      const route = verbs?.get(req.method ?? '');
      const answer = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        log.push({ method: req.method ?? '', path, headers: req.headers, body, status });
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
      };
      // Some gateways check credentials before routing: then every path answers 401.
      const authorized = /^Bearer \S+$/.test(req.headers.authorization ?? '');
      if (authBeforeRouting && !authorized) return answer(401, { statusCode: 401, message: 'no credentials' });
      if (!verbs) return answer(404, { statusCode: 404, message: `Cannot ${req.method} ${path}` });
      if (!route) return answer(405, { statusCode: 405, message: 'Method Not Allowed' }, { allow: [...verbs.keys()].join(', ') });
      if (!authorized) return answer(401, { statusCode: 401, apiCode: 2010, message: 'no credentials' });
      answer(200, route.body ?? { statusCode: 200, message: 'ok' }, { 'set-cookie': 'session=server-secret-cookie; HttpOnly' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => void close(), lifetimeMs).unref();
  const close = async () => {
    clearTimeout(timer);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, log, close };
}
