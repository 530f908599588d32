// The SDK's package name and version from docsdk.config.json are checked against npm's rules
// (validate-npm-package-name, semver): a line break, a capital, a space or a version npm would
// not write is a config error naming the key, and generate stops with exit 2, writing nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfig } from '../../generator/config/validate.js';
import { runCli } from '../helpers/cli.js';
import { namePage } from './support/name-pages.js';

const messages = (pkg: object) => checkConfig({ package: pkg }, 'docsdk.config.json').diagnostics.map((d) => `${d.section}: ${d.message}`);

describe('package name', () => {
  it.each(['api-sdk', '@acme/api-sdk', 'a.b_c-d'])('%j is accepted', (name) => {
    expect(messages({ name })).toEqual([]);
  });
  it.each([
    ['api\nsdk', 'name can only contain URL-friendly characters'],
    ['Api-Sdk', 'name can no longer contain capital letters'],
    ['api sdk', 'name can only contain URL-friendly characters'],
    ['.hidden', 'name cannot start with a period'],
    ['node_modules', 'node_modules is not a valid package name'],
  ])('%j is refused: %s', (name, why) => {
    const found = messages({ name });
    expect(found).toHaveLength(1);
    expect(found[0].startsWith(`package.name: package.name ${JSON.stringify(name)} is not a valid npm package name: `)).toBe(true);
    expect(found[0]).toContain(why);
  });
});

describe('package version', () => {
  it.each(['1.0.0', '0.1.0-beta.1', '2.0.0+build.5'])('%j is accepted', (version) => {
    expect(messages({ version })).toEqual([]);
  });
  it.each(['1.0', '1.0.0\n', ' 1.0.0', 'v1.0.0', '=1.0.0', 'latest'])('%j is refused', (version) => {
    expect(messages({ version })).toEqual([`package.version: package.version ${JSON.stringify(version)} is not a semantic version as npm writes it (such as 1.0.0 or 2.1.0-beta.1)`]);
  });
});

describe('generate with a bad package name', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'docsdk-config-'));
    mkdirSync(path.join(work, 'pages'));
    writeFileSync(path.join(work, 'pages', 'get-user.md'), namePage({ client: 'UserClient', method: 'get_user' }));
    writeFileSync(path.join(work, 'docsdk.config.json'), JSON.stringify({ package: { name: 'evil\n"name', version: '1.0.0' } }));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exits 2 with the key named, and writes nothing', () => {
    const run = runCli(['generate', 'pages', '--out', 'sdk', '--config', 'docsdk.config.json'], work);
    expect(run.stderr).toContain('docsdk.config.json: package.name: error: package.name "evil\\n\\"name" is not a valid npm package name');
    expect(run.code).toBe(2);
    expect(existsSync(path.join(work, 'sdk'))).toBe(false);
  });
});
