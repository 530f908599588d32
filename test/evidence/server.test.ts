// docsdk probe against a real local server built from the corpus facts (routing like a real
// framework: 404 unknown path, 405 wrong verb, 401 without credentials), then generate from
// the evidence, compile the SDK with tsc and call every method: each call must reach an
// existing route with the right verb. Then the same from a HAR of those calls, without probing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApiServer, type ApiServer, type Received } from '../helpers/api-server.js';
import { repoRoot, runCliAsync } from '../helpers/cli.js';
import { readFacts } from '../helpers/facts.js';
import { factRoutes } from '../helpers/facts-routes.js';
import { harRecorder, type Har } from '../helpers/har-recorder.js';

// DOCSDK_PROBE_PAGES measures another copy of the zh corpus (e.g. ../shared/corpus/zh/vitepress).
const PAGES = resolve(process.env.DOCSDK_PROBE_PAGES ?? join(repoRoot, 'test/fixtures/corpus/zh/markdown'));
const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');
const FAST = ['--rate', '2000', '--concurrency', '8'];
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|apikey|x-auth-token|x-access-token)$/i;

const facts = readFacts('zh') as unknown as Record<string, { http: { verb: string; path: string } }>;
const extension = existsSync(join(PAGES, `${Object.keys(facts)[0]}.md`)) ? '.md' : '.html';
const truth = Object.fromEntries(Object.entries(facts).map(([page, f]) => [`${page}${extension}`, f.http]));

let server: ApiServer;
let dir: string;
let evidenceFile: string;
let harFile: string;

beforeAll(async () => {
  // Closes by itself well after the slowest run of this file (minutes on a loaded machine).
  server = await startApiServer(factRoutes(), { lifetimeMs: 20 * 60_000 });
  dir = await mkdtemp(join(tmpdir(), 'docsdk-probe-'));
  evidenceFile = join(dir, 'docsdk.evidence.json');
  harFile = join(dir, 'calls.har');
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Builds a generated output with tsc, then calls every method of every client (params `{}`, a bearer token); returns the server's log of those calls and their HAR. */
async function callEverything(out: string): Promise<{ calls: Received[]; har: Har; compiled: { code: number | null; output: string } }> {
  const run = spawnSync(process.execPath, [TSC, '-p', join(out, 'tsconfig.json')], { encoding: 'utf8' });
  const compiled = { code: run.status, output: run.stdout + run.stderr };
  const sdk = (await import(/* @vite-ignore */ pathToFileURL(join(out, 'dist', 'index.js')).href)) as Record<string, unknown>;
  const recorder = harRecorder();
  const from = server.log.length;
  for (const name of ['AuthenticationClient', 'ManagementClient']) {
    const Client = sdk[name] as new (options: object) => Record<string, (params: object) => Promise<unknown> | AsyncGenerator>;
    const client = new Client({ baseUrl: server.baseUrl, token: 'secret-token-123', fetch: recorder.fetch, maxRetries: 0 });
    for (const method of Object.getOwnPropertyNames(Client.prototype).filter((m) => m !== 'constructor')) {
      const called = client[method]({});
      // A paginated list's iterator sends nothing until it is read: one call per operation, by its method.
      if (called instanceof Promise) await called.catch(() => undefined);
      else await called.return(undefined);
    }
  }
  return { calls: server.log.slice(from), har: recorder.har, compiled };
}

/** `GET /api/v3/x -> 200` for every call, sorted, and how many reached a route with the right verb. */
const reached = (calls: Received[]) => calls.filter((c) => c.status === 200).length;
const truthRoutes = () => Object.values(truth).map((h) => `${h.verb} ${h.path}`).sort();

describe('docsdk probe', { timeout: 120_000 }, () => {
  test('--dry-run prints the plan and sends nothing', async () => {
    const r = await runCliAsync(['probe', PAGES, '--base-url', server.baseUrl, '--dry-run', '--evidence-file', evidenceFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`AuthenticationClient.initAuthenticationOptions (authentication/登录/webauthn-authentication${extension})`);
    expect(r.stdout.split('\n').slice(-2)[0]).toBe(
      '249 operations; 1369 to 6837 requests (2 canary requests per base URL); at most 5000, 4 at once, 10 per second, 10000 ms each; no credentials, no body but {}',
    );
    expect(server.log).toHaveLength(0);
  });

  test('recovers every verb and path of the facts, sending no credentials and no body but {}', async () => {
    const r = await runCliAsync(['probe', PAGES, '--base-url', server.baseUrl, ...FAST, '--evidence-file', evidenceFile]);
    expect(r.stderr).toMatch(/249 operations probed with (\d+) requests; 249 of 249 operations verified, 0 ambiguous, 0 not recorded; .*docsdk\.evidence\.json written\n$/);
    expect(r.code).toBe(0);
    const evidence = JSON.parse(await readFile(evidenceFile, 'utf8'));
    const verified = Object.fromEntries(Object.entries(evidence.operations as Record<string, { verified: unknown }>).map(([page, e]) => [page, e.verified]));
    expect(verified).toEqual(truth);
    // The slash the file name lost, and a wrong inferred verb (405 on the path, then the other verbs).
    expect(evidence.operations[`authentication/登录/webauthn-authentication${extension}`].probe.answers).toEqual([
      'POST /api/v3/webauthn-authentication 404',
      'POST /api/v3/webauthn/authentication 405',
      'GET /api/v3/webauthn/authentication 401',
      'PUT /api/v3/webauthn/authentication 405',
      'PATCH /api/v3/webauthn/authentication 405',
      'DELETE /api/v3/webauthn/authentication 405',
    ]);
    const sent = Number(/with (\d+) requests/.exec(r.stderr)![1]);
    expect(server.log).toHaveLength(sent);
    for (const request of server.log) {
      expect(Object.keys(request.headers).filter((h) => CREDENTIAL_HEADERS.test(h))).toEqual([]);
      expect(['', '{}']).toContain(request.body);
      expect(request.body === '{}').toBe(['POST', 'PUT', 'PATCH'].includes(request.method));
      expect(request.headers['user-agent']).toMatch(/^docsdk-probe\//);
    }
    expect(server.log.filter((q) => q.status === 200)).toEqual([]);
  });

  test('probes only new pages by default; --all with the same answers leaves the file byte for byte', async () => {
    const before = await readFile(evidenceFile, 'utf8');
    const seen = server.log.length;
    const again = await runCliAsync(['probe', PAGES, '--base-url', server.baseUrl, ...FAST, '--evidence-file', evidenceFile]);
    expect(again.stderr).toMatch(/0 operations probed with 0 requests; 249 of 249 operations verified.*unchanged\n$/);
    expect(server.log).toHaveLength(seen);
    const all = await runCliAsync(['probe', PAGES, '--base-url', server.baseUrl, ...FAST, '--evidence-file', evidenceFile, '--all']);
    expect(all.stderr).toMatch(/249 operations probed with \d+ requests; 249 of 249 operations verified.*unchanged\n$/);
    expect(await readFile(evidenceFile, 'utf8')).toBe(before);
  });

  test('refuses a server that answers 401 before routing, and records nothing', async () => {
    const gateway = await startApiServer(factRoutes(), { authBeforeRouting: true });
    try {
      const file = join(dir, 'refused.json');
      const r = await runCliAsync(['probe', join(PAGES, 'authentication/登录'), '--base-url', gateway.baseUrl, ...FAST, '--evidence-file', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`docsdk probe: error: ${gateway.baseUrl}: the server does not tell missing routes apart without credentials (GET /api/v3/docsdk-probe-no-such-route answered 401, POST /api/v3/docsdk-probe-no-such-route answered 401); nothing probed there`);
      expect(gateway.log).toHaveLength(2);
      await expect(readFile(file)).rejects.toThrow();
    } finally {
      await gateway.close();
    }
  });

  test('refuses a base URL with credentials in it', async () => {
    const r = await runCliAsync(['probe', PAGES, '--base-url', 'http://user:pw@127.0.0.1:9', '--dry-run']);
    expect([r.code, r.stderr]).toEqual([2, 'docsdk probe: http://user:pw@127.0.0.1:9: a base URL must not carry credentials (the probe never sends any)\n']);
  });
});

// Two generate runs of 249 pages, two tsc builds: minutes on a loaded two-core machine.
describe('generate from the evidence', { timeout: 300_000 }, () => {
  let har: Har;

  test('probe -> generate -> tsc -> every call reaches an existing route with the right verb', async () => {
    const out = join(dir, 'sdk');
    const r = await runCliAsync(['generate', PAGES, '--out', out, '--evidence-file', evidenceFile, '--no-cache'], dir);
    expect(r.stderr).toContain('verbs: 249 verified, 0 inferred, 0 configured; paths: 249 verified, 0 inferred, 0 configured');
    const openapi = JSON.parse(await readFile(join(out, 'openapi.json'), 'utf8'));
    expect(openapi.paths['/api/v3/webauthn/authentication'].get['x-docsdk-verified']).toEqual(['http.verb', 'http.path']);
    const { calls, har: recorded, compiled } = await callEverything(out);
    expect(compiled).toEqual({ code: 0, output: '' });
    expect(calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual(truthRoutes());
    expect(reached(calls)).toBe(249);
    har = recorded;
    await writeFile(harFile, JSON.stringify(har));
  });

  test('--evidence with a HAR of those calls, and no evidence file, gives the same without probing', async () => {
    const out = join(dir, 'sdk-from-har');
    const probed = server.log.length;
    // The working folder has no docsdk.evidence.json: only the capture is evidence.
    const cwd = await mkdtemp(join(tmpdir(), 'docsdk-har-'));
    const r = await runCliAsync(['generate', PAGES, '--out', out, '--evidence', harFile, '--no-cache'], cwd);
    expect(r.stderr).toContain('verbs: 249 verified, 0 inferred, 0 configured; paths: 249 verified, 0 inferred, 0 configured');
    expect(server.log).toHaveLength(probed);
    const { calls, compiled } = await callEverything(out);
    expect(compiled.code).toBe(0);
    expect(reached(calls)).toBe(249);
    await rm(cwd, { recursive: true, force: true });
  });

  test('a HAR recorded into the evidence file keeps no credential of the capture', async () => {
    const text = await readFile(harFile, 'utf8');
    expect(text).toContain('Bearer secret-token-123');
    expect(text).toContain('server-secret-cookie');
    const file = join(dir, 'from-har.json');
    const r = await runCliAsync(['probe', PAGES, '--evidence', harFile, '--evidence-file', file]);
    expect(r.stderr).toMatch(/0 operations probed with 0 requests; 249 of 249 operations verified, 0 ambiguous/);
    const written = await readFile(file, 'utf8');
    expect(written).not.toMatch(/secret-token|Bearer|server-secret-cookie|session=|"(authorization|cookie|set-cookie)"/i);
    const evidence = JSON.parse(written);
    expect(evidence.operations[`authentication/登录/webauthn-authentication${extension}`].traffic.routes).toEqual([
      { verb: 'GET', path: '/api/v3/webauthn/authentication', statuses: [200], requests: 1 },
    ]);
  });
});
