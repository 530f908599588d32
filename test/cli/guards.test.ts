// generate never replaces an SDK by a much smaller one unless asked: the shrink guard
// (maxRemovedShare, --max-removed-share, --allow-shrink), every page failed, and a JSON
// report even for a usage error yargs itself refuses.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as AjvModule from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolder } from '../../generator/workflow/output-files.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { GET_USER_ROLES, workflowFixtures } from '../support/workflow-pages.js';

const PAGES = [GET_USER_ROLES, 'management/管理用户分组/get-group.md', 'management/管理用户分组/list-groups.md', 'authentication/登录/check-pushcode-status.md'];

let work: string;
let release: string;
let n = 0;

/** A copy of the project: four pages and the SDK made of them. */
async function project(): Promise<string> {
  const dir = join(work, `p${n++}`);
  await cp(release, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'docsdk-guards-'));
  release = join(work, 'release');
  for (const rel of PAGES) await cp(join(workflowFixtures, 'markdown', rel), join(release, 'pages', rel));
  expect(runCli(['generate', 'pages', '--out', 'sdk', '--no-cache'], release).code).toBe(0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the shrink guard', () => {
  it('refuses to drop more than maxRemovedShare of the operations, naming them; --allow-shrink writes', async () => {
    const dir = await project();
    const before = await readFolder(join(dir, 'sdk'));
    // 3 of 4 operations gone: 75%, over the default half.
    await rm(join(dir, 'pages/management'), { recursive: true });
    const refused = runCli(['generate', 'pages', '--out', 'sdk', '--reporter', 'json'], dir);
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout);
    expect(report).toMatchObject({ outcome: 'failed', exitCode: 1, reason: 'the output would lose too many operations: nothing written (--allow-shrink writes anyway)' });
    expect(report.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'output.shrink',
        message:
          'would remove 3 of the 4 operations of the previous output (75%, more than maxRemovedShare 0.5): ManagementClient.getGroup, ManagementClient.getUserRoles, ManagementClient.listGroups',
        file: 'sdk',
      },
    ]);
    expect(await readFolder(join(dir, 'sdk'))).toEqual(before);
    // A config allowing more lets it through; the flag wins over the config.
    await writeFile(join(dir, 'docsdk.config.json'), JSON.stringify({ maxRemovedShare: 0.8 }));
    expect(runCli(['generate', 'pages', '--out', 'sdk', '--max-removed-share', '0.5'], dir).code).toBe(1);
    expect(await readFolder(join(dir, 'sdk'))).toEqual(before);

    const allowed = runCli(['generate', 'pages', '--out', 'sdk', '--max-removed-share', '0.5', '--allow-shrink'], dir);
    expect(allowed.code).toBe(0);
    const model = JSON.parse(await readFile(join(dir, 'sdk/docsdk-model.json'), 'utf8'));
    expect(model.clients.map((c: { name: string }) => c.name)).toEqual(['AuthenticationClient']);
  });

  it('lets a removal within the share through', async () => {
    const dir = await project();
    await rm(join(dir, 'pages', GET_USER_ROLES));
    // 1 of 4: 25%.
    const r = runCli(['generate', 'pages', '--out', 'sdk'], dir);
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining('- `ManagementClient.getUserRoles`: operation removed\n')]);
    const model = JSON.parse(await readFile(join(dir, 'sdk/docsdk-model.json'), 'utf8'));
    expect(model.clients.flatMap((c: { operations: { name: string }[] }) => c.operations.map((o) => o.name))).toEqual(['checkPushCodeStatus', 'getGroup', 'listGroups']);
  });
});

describe('every page failed', () => {
  it('writes nothing (exit 1) unless --allow-shrink, which writes an SDK without operations', async () => {
    const dir = await project();
    const before = await readFolder(join(dir, 'sdk'));
    await rm(join(dir, 'pages'), { recursive: true });
    await mkdir(join(dir, 'pages/management'), { recursive: true });
    await writeFile(join(dir, 'pages/management/broken.md'), '# Broken\n');
    const refused = runCli(['generate', 'pages', '--out', 'sdk'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('docsdk generate: every page failed: nothing written (--allow-shrink writes an SDK without operations)\n');
    expect(await readFolder(join(dir, 'sdk'))).toEqual(before);
    const allowed = runCli(['generate', 'pages', '--out', 'sdk', '--allow-shrink'], dir);
    expect(allowed.code).toBe(1);
    expect(JSON.parse(await readFile(join(dir, 'sdk/docsdk-model.json'), 'utf8')).clients).toEqual([]);
  });
});

describe('--reporter json', () => {
  it('is one valid report even for a usage error the argument parser refuses', async () => {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof AjvModule;
    const validate = new Ajv({ strict: true }).compile(JSON.parse(await readFile(join(repoRoot, 'docsdk.report.schema.json'), 'utf8')));
    for (const args of [['--no-such-flag'], ['--max-removed-share', '2']]) {
      const r = runCli(['generate', 'pages', '--out', 'sdk', '--reporter', 'json', ...args], release);
      expect(r.code).toBe(2);
      const report = JSON.parse(r.stdout);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report).toMatchObject({ outcome: 'usage-error', exitCode: 2, diagnostics: [] });
    }
  });
});

describe('option checks', () => {
  it.each(['--concurrency', '--rate', '--timeout', '--max-requests', '--max-paths'])('probe %s 0 is a usage error (exit 2) naming the option, no internal error', (option) => {
    const r = runCli(['probe', 'pages', '--base-url', 'http://127.0.0.1:9', option, '0'], work);
    expect([r.code, r.stderr]).toEqual([2, `docsdk: ${option} must be a positive number\nRun docsdk --help for usage.\n`]);
  });
});
