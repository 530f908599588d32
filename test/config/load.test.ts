import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../generator/config/load.js';
import type { DocsdkConfig } from '../../generator/config/types.js';
import { formatDiagnostic } from '../../generator/report/diagnostics.js';

let dir: string;
let cwd: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docsdk-config-'));
  cwd = process.cwd();
});
afterEach(() => process.chdir(cwd));

async function configFile(content: unknown): Promise<string> {
  const file = join(dir, 'docsdk.config.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('loadConfig', () => {
  it('gives the defaults when there is no file in the working directory', async () => {
    process.chdir(dir);
    expect(await loadConfig()).toEqual({ config: { basePath: '/api/v3/' }, diagnostics: [] });
  });

  it('reads docsdk.config.json from the working directory and resolves paths against it', async () => {
    await configFile({ inputs: ['docs/**/*.md'], out: 'sdk', templates: 'tpl', basePath: '/v2/', strict: true });
    process.chdir(dir);
    const { config, diagnostics } = await loadConfig();
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      inputs: [join(dir, 'docs/**/*.md')],
      out: join(dir, 'sdk'),
      templates: join(dir, 'tpl'),
      basePath: '/v2/',
      strict: true,
    });
  });

  it('accepts every key of DocsdkConfig (so the schema and the type stay in step)', async () => {
    const every: Required<DocsdkConfig> = {
      $schema: './node_modules/docsdk/docsdk.config.schema.json',
      inputs: ['pages'],
      out: 'out',
      basePath: '/api/v3/',
      clients: { ManagementClient: 'Management' },
      operations: { getUserGroups: { verb: 'GET', path: '/api/v3/get-user-groups', name: 'listUserGroups' } },
      fields: { 'UserDto.gender': { type: 'string', enum: ['M', 'F', 'U'], enumClosed: true, required: true }, 'getGroup.code': { type: 'GroupDto[]' } },
      enumClosed: false,
      templates: 'templates',
      strict: false,
      package: { name: '@acme/sdk', version: '1.2.3' },
      maxPageBytes: 1_000_000,
      evidenceFile: 'docsdk.evidence.json',
      addObservedFields: false,
      maxHarBytes: 1_000_000,
      maxRemovedShare: 0.25,
      profile: 'widdershins',
    };
    const file = await configFile(every);
    expect((await loadConfig(file)).diagnostics).toEqual([]);
  });

  it('reports an unknown top-level key by name, once, with the closest valid key', async () => {
    const file = await configFile({ inputs: ['pages'], ouput: 'sdk', zzz: 1 });
    const { config, diagnostics } = await loadConfig(file);
    expect(config).toEqual({ basePath: '/api/v3/' });
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'config.unknown-key', message: 'unknown key; did you mean "out"?', file, section: 'ouput' },
      { severity: 'error', code: 'config.unknown-key', message: 'unknown key', file, section: 'zzz' },
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${file}: ouput: error: unknown key; did you mean "out"?`, `${file}: zzz: error: unknown key`]);
  });

  it('reports unknown nested keys with their full path', async () => {
    const file = await configFile({
      operations: { getUserGroups: { verbb: 'GET' } },
      fields: { 'UserDto.email': { typ: 'string' } },
      package: { name: 'x', licence: 'MIT' },
    });
    const { diagnostics } = await loadConfig(file);
    expect(diagnostics.map((d) => `${d.section}: ${d.message}`).sort()).toEqual([
      'fields["UserDto.email"].typ: unknown key; did you mean "type"?',
      'operations.getUserGroups.verbb: unknown key; did you mean "verb"?',
      'package.licence: unknown key',
    ]);
    expect(diagnostics.every((d) => d.code === 'config.unknown-key')).toBe(true);
  });

  it('reports wrong values and malformed keys with the key path', async () => {
    const file = await configFile({
      inputs: 'pages',
      operations: { getUserGroups: { verb: 'FETCH' } },
      fields: { email: { required: 'yes' } },
    });
    const messages = (await loadConfig(file)).diagnostics.map(formatDiagnostic).sort();
    expect(messages).toEqual([
      `${file}: fields.email.required: error: must be boolean`,
      `${file}: fields.email: error: invalid key: must be \`Structure.field\` or \`operationName.param\``,
      `${file}: inputs: error: must be array`,
      `${file}: operations.getUserGroups.verb: error: must be one of GET, POST, PUT, PATCH, DELETE`,
    ]);
  });

  it('reports a file that is not JSON', async () => {
    const file = await configFile('{ "inputs": [ }');
    const { diagnostics } = await loadConfig(file);
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'config.json', file }]);
  });

  it('reports a named file that does not exist', async () => {
    const { diagnostics } = await loadConfig(join(dir, 'missing.json'));
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'config.unreadable' }]);
  });
});
