// Open enums end to end: the real CLI generates the SDK of get_user (a real page), the
// project's TypeScript compiles it with --strict together with caller code, and the compiled
// client talks to a local server that sends and expects values the page never lists —
// `userSourceType: 'sync'` (the page lists `syncTask`; the API's own schema says `sync`) and
// `userIdType: 'custom_field'` (real, not on the page). Closed by the config, the same caller
// code no longer compiles.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const PAGE = join(repoRoot, 'test/fixtures/corpus/zh/markdown/management/管理用户/get-user.md');
const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');

// Caller code as a user writes it: sends an unlisted userIdType, keeps the typed fields it gets.
const CALLER = `import { ManagementClient } from './index.js';
import type { UserDto } from './models/UserDto.js';

export async function sourceOf(baseUrl: string): Promise<{ source: UserDto['userSourceType']; gender: UserDto['gender'] }> {
  const client = new ManagementClient({ baseUrl, token: 'token' });
  const { data } = await client.getUser({ userId: 'u1', userIdType: 'custom_field' });
  const known: UserDto['userSourceType'] = 'syncTask';
  return { source: data.userSourceType === known ? known : data.userSourceType, gender: data.gender };
}
`;

/** Generates the SDK into a fresh folder (with `config` as its docsdk.config.json), adds the caller, compiles it. */
async function build(config: object): Promise<{ dir: string; compiled: { code: number | null; output: string } }> {
  const dir = await mkdtemp(join(tmpdir(), 'docsdk-open-enums-'));
  const configFile = join(dir, 'docsdk.config.json');
  await writeFile(configFile, JSON.stringify(config));
  const generated = runCli(['generate', PAGE, '--out', join(dir, 'sdk'), '--config', configFile]);
  expect(generated.code).toBe(0);
  await writeFile(join(dir, 'sdk/src/caller.ts'), CALLER);
  const run = spawnSync(process.execPath, [TSC, '-p', join(dir, 'sdk/tsconfig.json'), '--strict'], { encoding: 'utf8' });
  return { dir, compiled: { code: run.status, output: run.stdout + run.stderr } };
}

const folders: string[] = [];
let server: ReturnType<typeof createServer>;
let baseUrl: string;
const queries: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    queries.push(new URL(req.url ?? '/', 'http://local').search);
    const data = { userId: 'u1', status: 'Activated', gender: 'X', userSourceType: 'sync' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 200, message: 'ok', data }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

// Generating and compiling take tens of seconds on a loaded two-core machine: done once per
// case, before its tests, with room for the load (a bound on waiting, not a timing assertion).
const BUILD_TIMEOUT_MS = 300_000;

describe('open enums in the compiled SDK', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build({});
    folders.push(built.dir);
  }, BUILD_TIMEOUT_MS);

  test('the caller compiles, sends an unlisted value and receives one', async () => {
    expect(built.compiled).toEqual({ code: 0, output: '' });
    const caller = await import(pathToFileURL(join(built.dir, 'sdk/dist/caller.js')).href);
    expect(await caller.sourceOf(baseUrl)).toEqual({ source: 'sync', gender: 'X' });
    expect(queries.at(-1)).toBe('?userId=u1&userIdType=custom_field');
  });
});

describe('closed by the config', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build({ enumClosed: true, fields: { 'UserDto.gender': { enumClosed: false } } });
    folders.push(built.dir);
  }, BUILD_TIMEOUT_MS);

  test('the same caller no longer compiles: only the unlisted userIdType is refused', () => {
    expect(built.compiled.code).not.toBe(0);
    // The reopened gender and the listed syncTask pass.
    expect(built.compiled.output.match(/error TS\d+/g)).toHaveLength(1);
    expect(built.compiled.output).toContain('"custom_field"');
  });
});
