// The generated SDK in a real browser: Debian's headless Chromium, driven by playwright-core
// (no browser download), loads the SDK as the TypeScript compiler builds it and calls a local
// API server of another origin (CORS). The page's script is TypeScript compiled --strict
// against the SDK, so the results and the error it reads are typed as a user's code would be.
// Where Chromium is missing the test is skipped with a notice, except in CI (CI=true): there
// .ci/run installs it, and a missing browser fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import { loadModel } from '../../generator/pipeline.js';
import { writeOutput } from '../../generator/write/atomic.js';
import { repoRoot } from '../helpers/cli.js';
import { json, startTestServer, type TestServer } from '../helpers/test-server.js';

const CHROMIUM = '/usr/bin/chromium';
const PAGES = 'test/fixtures/corpus/zh/markdown/**/{get-user-groups,get-user-departments,kick-users}.md';
const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');
const inCi = process.env.CI === 'true';
const available = existsSync(CHROMIUM);
if (!available && !inCi) console.warn(`browser test skipped: no ${CHROMIUM} (apt-get install -y chromium); in CI it fails instead`);

/** The page's code, compiled with the SDK: typed calls, a typed iteration and a typed error. */
const APP = `import { ApiError, ManagementClient, PermissionDeniedError, type GroupPaginatedRespDto, type UserDepartmentRespDto } from './index.js';

export interface Outcome {
  groupNames: string[];
  departmentIds: string[];
  requestIdHeader: string | null;
  error: { name: string; isApiError: boolean; status: number; statusCode: number | undefined; apiCode: number | undefined; requestId: string | undefined } | null;
}

export async function run(baseUrl: string): Promise<Outcome> {
  const client = new ManagementClient({ baseUrl, token: 'browser-token' });
  const groups: GroupPaginatedRespDto = await client.getUserGroups({ userId: 'u1' });
  const departments: UserDepartmentRespDto[] = [];
  for await (const department of client.getUserDepartmentsIterate({ userId: 'u1', limit: 2 })) departments.push(department);
  const { response } = await client.getUserGroups({ userId: 'u2' }).withResponse();
  let error: Outcome['error'] = null;
  try {
    await client.kickUsers({ appIds: ['app1'], userId: 'u1' });
  } catch (caught) {
    if (!(caught instanceof PermissionDeniedError)) throw caught;
    const { name, status, statusCode, apiCode, requestId } = caught;
    error = { name, isApiError: caught instanceof ApiError, status, statusCode, apiCode, requestId };
  }
  return {
    groupNames: groups.data.list.map((group) => group.name),
    departmentIds: departments.map((department) => department.departmentId),
    requestIdHeader: response.headers.get('x-request-id'),
    error,
  };
}
`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html' };

let dir: string;
let api: TestServer;
let site: TestServer;
let context: BrowserContext | undefined;
let userDataDir: string;

beforeAll(async () => {
  if (!available) return;
  const { model } = await loadModel([PAGES]);
  const files = new Map((await emitSdk(model)).files);
  files.set('src/app.ts', APP);
  dir = await mkdtemp(join(tmpdir(), 'docsdk-browser-'));
  await writeOutput(join(dir, 'sdk'), files);
  // As a user builds it: tsc -p with the SDK's own strict tsconfig, to dist/.
  const build = spawnSync(process.execPath, [TSC, '-p', join(dir, 'sdk', 'tsconfig.json')], { encoding: 'utf8' });
  expect(build.stdout + build.stderr).toBe('');
  await writeFile(join(dir, 'sdk', 'dist', 'index.html'), '<!doctype html><title>sdk</title>');

  api = await startTestServer();
  site = await startTestServer();
  site.handle(async (request, response) => {
    const path = normalize(join(dir, 'sdk', 'dist', request.path));
    if (!path.startsWith(join(dir, 'sdk', 'dist'))) return response.writeHead(403).end();
    const body = await readFile(path).catch(() => undefined);
    if (body === undefined) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  userDataDir = await mkdtemp(join(tmpdir(), 'docsdk-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 60_000,
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await api?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe.skipIf(!available && !inCi)('the compiled SDK in headless Chromium', () => {
  test('two methods give typed results, the iterator walks the pages, a failure is a typed error', async () => {
    expect(available, `${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`).toBe(true);
    const departments = [{ departmentId: 'd1' }, { departmentId: 'd2' }, { departmentId: 'd3' }];
    api.handle((request, response) => {
      if (request.path === '/api/v3/get-user-groups') {
        return json(response, 200, { statusCode: 200, message: 'ok', data: { totalCount: 1, list: [{ id: 'g1', name: '开发者' }] } }, { 'x-request-id': 'rid-1' });
      }
      if (request.path === '/api/v3/get-user-departments') {
        const page = Number(request.query.get('page'));
        const list = departments.slice((page - 1) * 2, page * 2);
        return json(response, 200, { statusCode: 200, message: 'ok', data: { totalCount: departments.length, list } });
      }
      json(response, 200, { statusCode: 403, apiCode: 1001, message: '没有权限', requestId: 'rid-403' });
    });
    const page = await context!.newPage();
    await page.goto(`${site.baseUrl}/index.html`);
    // A string, so vitest's transform cannot rewrite the page's import().
    const outcome = await page.evaluate(`import('/app.js').then((app) => app.run(${JSON.stringify(api.baseUrl)}))`);
    expect(outcome).toEqual({
      groupNames: ['开发者'],
      departmentIds: ['d1', 'd2', 'd3'],
      requestIdHeader: 'rid-1',
      error: { name: 'PermissionDeniedError', isApiError: true, status: 200, statusCode: 403, apiCode: 1001, requestId: 'rid-403' },
    });
    expect(api.received.map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual([
      'GET /api/v3/get-user-groups?userId=u1',
      'GET /api/v3/get-user-departments?userId=u1&limit=2&page=1',
      'GET /api/v3/get-user-departments?userId=u1&limit=2&page=2',
      'GET /api/v3/get-user-groups?userId=u2',
      'POST /api/v3/kick-users?',
    ]);
    // The browser's own User-Agent: a page's script cannot set it, and the SDK does not try.
    expect(api.received[0].headers['user-agent']).toMatch(/Chrome/);
    expect(api.received[0].headers.authorization).toBe('Bearer browser-token');
    expect(api.received[0].headers.origin).toBe(site.baseUrl);
  }, 60_000);
});
