// The evidence flags of generate and parse through the real CLI: bad evidence stops the run
// before anything is written, the evidence file's content is part of the incremental run's
// fingerprint, and probe's --help states every limit with its default.
import { mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyPages } from '../support/workflow-pages.js';

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docsdk-evidence-cli-'));
  await rename(await copyPages(), join(dir, 'pages'));
  return dir;
}

const evidenceFor = (verb: string) =>
  JSON.stringify({
    evidenceVersion: 1,
    operations: {
      'management/管理用户/get-user-roles.md': {
        operation: 'ManagementClient.getUserRoles',
        verified: { verb, path: '/api/v3/get-user-roles' },
        probe: { baseUrl: 'http://127.0.0.1:1', when: '2026-01-01T00:00:00.000Z', answers: [`${verb} /api/v3/get-user-roles 401`] },
      },
    },
  });

// Three generate runs in one test: minutes on a loaded two-core machine.
describe('evidence on the command line', { timeout: 240_000 }, () => {
  it('a malformed HAR or evidence file: exit 2 naming it, nothing written', async () => {
    const dir = await project();
    await writeFile(join(dir, 'broken.har'), '{"log":');
    const r = runCli(['generate', 'pages', '--out', 'sdk', '--evidence', 'broken.har'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^broken\.har: error: not valid JSON: .*; nothing was generated from it\ndocsdk generate: the evidence could not be read: nothing written\ndocsdk: 0 pages in \d+ ms; nothing done\n$/);
    expect(existsSync(join(dir, 'sdk'))).toBe(false);
    await writeFile(join(dir, 'docsdk.evidence.json'), '{"evidenceVersion": 2, "operations": {}}');
    const p = runCli(['parse', 'pages', '--out', 'model.json'], dir);
    expect([p.code, p.stderr]).toEqual([2, 'docsdk.evidence.json: evidenceVersion: error: must be equal to constant\ndocsdk parse: the evidence could not be read: nothing written\n']);
    expect(existsSync(join(dir, 'model.json'))).toBe(false);
    const missing = runCli(['generate', 'pages', '--out', 'sdk', '--evidence-file', 'nope.json'], dir);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, expect.stringMatching(/^nope\.json: error: cannot read the evidence file: ENOENT/)]);
  });

  it('the evidence file found in the working folder is applied, and a change to it is a change of the run', async () => {
    const dir = await project();
    await writeFile(join(dir, 'docsdk.evidence.json'), evidenceFor('GET'));
    const first = runCli(['generate', 'pages', '--out', 'sdk'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('verbs: 1 verified, 4 inferred, 0 configured; paths: 1 verified, 4 inferred, 0 configured');
    expect(runCli(['generate', 'pages', '--out', 'sdk'], dir).stderr).toMatch(/nothing changed since the last run/);
    await writeFile(join(dir, 'docsdk.evidence.json'), evidenceFor('PUT'));
    const changed = runCli(['generate', 'pages', '--out', 'sdk'], dir);
    expect(changed.stderr).not.toMatch(/nothing changed/);
    const openapi = JSON.parse(await readFile(join(dir, 'sdk', 'openapi.json'), 'utf8'));
    expect(openapi.paths['/api/v3/get-user-roles'].put['x-docsdk-verified']).toEqual(['http.verb', 'http.path']);
  });

  it('probe --help states every limit and its default, and what the statuses mean', () => {
    const help = runCli(['probe', '--help']).stdout.replace(/\s+/g, ' ');
    for (const text of [
      '--concurrency Requests in flight at once [number] [default: 4]',
      '--rate Requests started per second, at most [number] [default: 10]',
      '--timeout Milliseconds before one request is given up [number] [default: 10000]',
      '--max-requests Total request budget; operations it leaves unanswered are not recorded [number] [default: 5000]',
      '--max-paths Candidate paths per operation, at most (ways to restore "/" in the file name) [number] [default: 64]',
      '401/403 included: a known route refuses a request without credentials',
    ]) {
      expect(help).toContain(text);
    }
  });
});
