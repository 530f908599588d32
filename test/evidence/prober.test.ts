// The probe's caps against a real local server: requests in flight never exceed
// --concurrency, the budget stops sending, a request the server leaves hanging is given up
// and tells nothing, and an operation with such an answer is not complete.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Prober, probeTarget, type ProbeTarget } from '../../generator/evidence/probe.js';
import type { HttpVerb } from '../../generator/model/types.js';

let baseUrl: string;
let inFlight = 0;
let maxInFlight = 0;
let received = 0;
const server = createServer((req, res) => {
  received++;
  inFlight = Math.max(0, inFlight) + 1;
  maxInFlight = Math.max(maxInFlight, inFlight);
  if (req.url === '/api/v3/hang') return req.on('close', () => inFlight--);
  // Answers come a little later, so requests overlap when the prober lets them.
  setTimeout(() => {
    inFlight--;
    res.writeHead(req.url === '/api/v3/a' && req.method === 'GET' ? 401 : 404).end();
  }, 20);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const target = (paths: string[], verbs: HttpVerb[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']): ProbeTarget => ({ page: 'a.md', operation: 'C.a', baseUrl, verbs, paths });

test('never more requests in flight than the concurrency cap; all answers in plan order', async () => {
  const prober = new Prober({ concurrency: 2, rate: 1000, timeoutMs: 5000, maxRequests: 100 });
  const paths = ['/api/v3/a', ...Array.from({ length: 9 }, (_, i) => `/api/v3/b${i}`)];
  const outcome = await probeTarget(target(paths), prober);
  expect(maxInFlight).toBeLessThanOrEqual(2);
  expect(outcome.complete).toBe(true);
  expect(outcome.answers.slice(0, 2)).toEqual([
    { verb: 'GET', path: '/api/v3/a', status: 401 },
    { verb: 'GET', path: '/api/v3/b0', status: 404 },
  ]);
  // The other verbs only on the path that exists.
  expect(outcome.answers.slice(10).map((a) => `${a.verb} ${a.path} ${a.status}`)).toEqual(['POST /api/v3/a 404', 'PUT /api/v3/a 404', 'PATCH /api/v3/a 404', 'DELETE /api/v3/a 404']);
  expect(prober.sent).toBe(14);
});

test('the budget stops sending; a hanging request times out; neither outcome is complete', async () => {
  const before = received;
  const budget = new Prober({ concurrency: 4, rate: 1000, timeoutMs: 5000, maxRequests: 3 });
  const cut = await probeTarget(target(['/api/v3/x1', '/api/v3/x2', '/api/v3/x3', '/api/v3/x4']), budget);
  expect([received - before, budget.sent, cut.complete]).toEqual([3, 3, false]);
  expect(cut.answers.filter((a) => a.status === null)).toHaveLength(cut.answers.length - 3);
  const slow = new Prober({ concurrency: 4, rate: 1000, timeoutMs: 100, maxRequests: 10 });
  const hung = await probeTarget(target(['/api/v3/hang'], ['GET']), slow);
  expect(hung).toMatchObject({ complete: false, answers: [{ verb: 'GET', path: '/api/v3/hang', status: null }] });
});
