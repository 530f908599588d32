import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusDir } from '../helpers/pages.js';

const page = (rel: string) => path.join(corpusDir, 'zh', 'markdown', rel);

function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docsdk-cli-'));
  mkdirSync(path.join(dir, 'pages/management'), { recursive: true });
  copyFileSync(page('management/管理用户/get-user-groups.md'), path.join(dir, 'pages/management/get-user-groups.md'));
  copyFileSync(page('management/管理用户分组/create-group.md'), path.join(dir, 'pages/management/create-group.md'));
  return dir;
}

describe('docsdk parse', () => {
  it('exits 0 and writes the model and the OpenAPI file', () => {
    const dir = workspace();
    const r = runCli(['parse', 'pages', '--out', 'model.json', '--openapi', 'openapi.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^docsdk: 2 pages, 2 operations, 7 structures, 0 errors, 0 warnings, 0 notes in \d+ ms; verbs: 0 verified, 2 inferred, 0 configured; paths: 0 verified, 2 inferred, 0 configured\n$/);
    const model = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'));
    expect(model.clients[0].operations.map((o: { name: string }) => o.name)).toEqual(['createGroup', 'getUserGroups']);
    const openapi = JSON.parse(readFileSync(path.join(dir, 'openapi.json'), 'utf8'));
    expect(Object.keys(openapi.paths)).toEqual(['/api/v3/create-group', '/api/v3/get-user-groups']);
  });

  it('accepts files and globs mixed, with paths relative to their root', () => {
    const dir = workspace();
    const r = runCli(['parse', 'pages/**/get-*.md', 'pages/management/create-group.md', '--out', 'm.json'], dir);
    expect(r.code).toBe(0);
    const model = JSON.parse(readFileSync(path.join(dir, 'm.json'), 'utf8'));
    expect(model.clients[0].operations.map((o: { source: { file: string } }) => o.source.file)).toEqual(['pages/management/create-group.md', 'management/get-user-groups.md']);
  });

  it('exits 1 when a page fails, naming it, and still writes the other pages', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'pages/empty.md'), '');
    writeFileSync(path.join(dir, 'pages/junk.html'), Buffer.from([0, 1, 2, 3, 255]));
    const r = runCli(['parse', 'pages', '--out', 'model.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(['empty.md: error: empty file', 'junk.html: error: binary data (NUL bytes), not a text page']);
    expect(r.stderr).toContain('docsdk: 4 pages, 2 operations, 7 structures, 2 errors, 0 warnings');
    expect(JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')).clients[0].operations).toHaveLength(2);
  });

  it('prints warnings as file: section row N: message and fails on them only under --strict', () => {
    const dir = workspace();
    const text = readFileSync(page('management/管理用户/get-user-groups.md'), 'utf8').replace('| userIdType | string  | 否 |', '| userIdType | string  | maybe |');
    writeFileSync(path.join(dir, 'pages/management/get-user-groups.md'), text);
    const relaxed = runCli(['parse', 'pages'], dir);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stderr.split('\n')[0]).toBe('management/get-user-groups.md: params row 2: warning: userIdType: required cell "maybe" is neither yes nor no; taken as optional');
    expect(runCli(['parse', 'pages', '--strict'], dir).code).toBe(1);
  });

  it('exits 2 and writes nothing for an input that matches nothing, or an empty folder, beside ones that match', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'empty'));
    for (const input of ['nowhere', 'empty']) {
      const r = runCli(['parse', 'pages', input, '--out', 'model.json'], dir);
      expect([r.code, r.stderr]).toEqual([2, `${input}: error: no file, folder or glob match\ndocsdk parse: an input matches no page: nothing done\n`]);
      expect(existsSync(path.join(dir, 'model.json'))).toBe(false);
    }
  });

  it('treats a bad config as generate does: exit 2, nothing written, the key named once with the closest valid one', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'docsdk.config.json'), JSON.stringify({ basePth: '/v2/' }));
    const unknown = runCli(['parse', 'pages', '--out', 'model.json', '--openapi', 'openapi.json'], dir);
    expect([unknown.code, unknown.stderr]).toEqual([2, 'docsdk.config.json: basePth: error: unknown key; did you mean "basePath"?\ndocsdk parse: the config has errors: nothing done\n']);
    const missing = runCli(['parse', 'pages', '--out', 'model.json', '--config', 'nope.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^nope\.json: error: cannot read config: ENOENT/);
    expect(['model.json', 'openapi.json'].filter((f) => existsSync(path.join(dir, f)))).toEqual([]);
    const generate = runCli(['generate', 'pages', '--out', 'sdk'], dir);
    expect([generate.code, generate.stderr.split('\n')[0], existsSync(path.join(dir, 'sdk'))]).toEqual([2, unknown.stderr.split('\n')[0], false]);
  });

  it('exits 2 on usage errors and 0 on --help', () => {
    expect(runCli(['parse']).code).toBe(2);
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['parse', 'x', '--no-such-flag']).code).toBe(2);
    const help = runCli(['--help']);
    expect([help.code, help.stdout.includes('docsdk parse <inputs..>')]).toEqual([0, true]);
  });
});
