// The real `docsdk diff` (built CLI) on page folders, model files and openapi.json files.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyPages, editPage, EDITS, GET_USER_ROLES } from '../support/workflow-pages.js';

async function pagePair(edit: { from: string; to: string }): Promise<[string, string]> {
  const [before, after] = [await copyPages(), await copyPages()];
  await editPage(after, GET_USER_ROLES, edit.from, edit.to);
  return [before, after];
}

describe('docsdk diff', () => {
  it('prints a CHANGELOG-ready Markdown report of two folders of pages', async () => {
    const r = runCli(['diff', ...(await pagePair(EDITS.makeOptionalRequired))]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'Semver bump: **major**\n\n### Breaking changes\n\n- `ManagementClient.getUserRoles(namespace)`: became required\n',
    );
    expect(r.code).toBe(0);
  });

  it('prints JSON with --json', async () => {
    const r = runCli(['diff', ...(await pagePair(EDITS.addEnumValue)), '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.bump).toBe('minor');
    expect(report.counts).toEqual({ breaking: 0, feature: 1, docs: 1 });
    expect(report.changes[0]).toMatchObject({
      level: 'feature',
      code: 'param.enum-value-added',
      location: 'ManagementClient.getUserRoles(userIdType)',
      message: 'enum value `open_id` added',
      source: { file: GET_USER_ROLES, section: 'params', row: 2 },
    });
  });

  it('--fail-on exits 1 at or above the level, 0 below it', async () => {
    const pair = await pagePair(EDITS.changeDescription);
    expect(runCli(['diff', ...pair, '--fail-on', 'docs']).code).toBe(1);
    expect(runCli(['diff', ...pair, '--fail-on', 'feature']).code).toBe(0);
    const removal = await pagePair(EDITS.removeParameter);
    expect(runCli(['diff', ...removal, '--fail-on', 'breaking']).code).toBe(1);
  });

  it('compares model files and openapi.json files written by parse', async () => {
    const [before, after] = await pagePair(EDITS.removeParameter);
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-diff-'));
    for (const [name, pages] of [['old', before], ['new', after]]) {
      expect(runCli(['parse', pages, '--out', join(dir, `${name}.model.json`), '--openapi', join(dir, `${name}.openapi.json`)]).code).toBe(0);
    }
    const expected = 'Semver bump: **major**\n\n### Breaking changes\n\n- `ManagementClient.getUserRoles(namespace)`: parameter removed\n';
    expect(runCli(['diff', join(dir, 'old.model.json'), join(dir, 'new.model.json')]).stdout).toBe(expected);
    expect(runCli(['diff', join(dir, 'old.openapi.json'), join(dir, 'new.openapi.json')]).stdout).toBe(expected);
  });

  it('says so when nothing changed', async () => {
    const r = runCli(['diff', await copyPages(), await copyPages()]);
    expect([r.code, r.stdout]).toEqual([0, 'No changes to the public API.\n']);
  });

  it('exits 2 naming an input it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-diff-'));
    await writeFile(join(dir, 'other.json'), '{"hello": 1}');
    const missing = runCli(['diff', join(dir, 'nowhere'), await copyPages()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere');
    const foreign = runCli(['diff', join(dir, 'other.json'), await copyPages()]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('neither a docsdk model (modelVersion 1) nor an OpenAPI document');
  });
});
