// `docsdk generate` as yargs runs it: exit codes, what is written, and that a failed run
// leaves the previous output as it was.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { generateCommand } from '../../generator/commands/generate-command.js';
import { OUTPUT_MARKER } from '../../generator/write/atomic.js';
import { repoRoot } from '../helpers/cli.js';

const PAGES = join(repoRoot, 'test/fixtures/corpus/zh/markdown/management/管理用户分组');
const NOT_A_PAGE = join(repoRoot, 'test/fixtures/corpus/NOTICE.md');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docsdk-generate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

/** Runs `docsdk generate --no-cache ARGS` in-process (a clean run each time); returns the exit code and what went to stderr. */
async function generate(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  let code: number;
  try {
    await yargs(['generate', '--no-cache', ...args])
      .command(generateCommand)
      .strict()
      .fail((message, error) => {
        if (error) throw error;
        stderr += message;
        process.exitCode = 2;
      })
      .parseAsync();
    code = Number(process.exitCode ?? 0);
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
  return { code, stderr };
}

describe('docsdk generate', () => {
  test('writes the SDK, openapi.json and the model; exit 0 with a summary', async () => {
    const out = join(dir, 'ok');
    const { code, stderr } = await generate(PAGES, '--out', out);
    expect(code).toBe(0);
    expect(stderr).toMatch(/docsdk: 12 pages, 12 operations, /);
    const names = await readdir(out);
    expect(names.sort()).toEqual([OUTPUT_MARKER, 'README.md', 'docsdk-model.json', 'openapi.json', 'package.json', 'src', 'tsconfig.json']);
    expect(JSON.parse(await readFile(join(out, 'docsdk-model.json'), 'utf8')).modelVersion).toBe(1);
    expect(await readdir(join(out, 'src'))).toContain('ManagementClient.ts');
  });

  test('twice: the same bytes', async () => {
    const out = join(dir, 'twice');
    await generate(PAGES, '--out', out);
    const first = await readFile(join(out, 'src/ManagementClient.ts'), 'utf8');
    const firstModel = await readFile(join(out, 'docsdk-model.json'), 'utf8');
    await generate(PAGES, '--out', out);
    expect(await readFile(join(out, 'src/ManagementClient.ts'), 'utf8')).toBe(first);
    expect(await readFile(join(out, 'docsdk-model.json'), 'utf8')).toBe(firstModel);
  });

  test('package name and version come from the config', async () => {
    const config = join(dir, 'docsdk.config.json');
    await writeFile(config, JSON.stringify({ package: { name: '@acme/groups', version: '1.2.3' } }));
    const out = join(dir, 'configured');
    expect((await generate(PAGES, '--out', out, '--config', config)).code).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'package.json'), 'utf8'))).toMatchObject({ name: '@acme/groups', version: '1.2.3' });
  });

  test('without --out (and no config out): usage error, exit 2', async () => {
    const { code, stderr } = await generate(PAGES);
    expect(code).toBe(2);
    expect(stderr).toContain('no output folder');
  });

  test('a page that fails: exit 1, and the SDK is generated from the other pages', async () => {
    const out = join(dir, 'rest');
    const { code, stderr } = await generate(PAGES, NOT_A_PAGE, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain('error: not an API doc page');
    expect(stderr).toContain('some pages failed (above); the SDK was generated from the rest');
    const alone = join(dir, 'alone');
    await generate(PAGES, '--out', alone);
    expect(await readFile(join(out, 'src/ManagementClient.ts'), 'utf8')).toBe(await readFile(join(alone, 'src/ManagementClient.ts'), 'utf8'));
  });

  test('a page that fails under --strict: exit 1 and the previous output stays', async () => {
    const out = join(dir, 'kept');
    await generate(PAGES, '--out', out);
    const before = await readdir(join(out, 'src', 'models'));
    const { code, stderr } = await generate(PAGES, NOT_A_PAGE, '--out', out, '--strict');
    expect(code).toBe(1);
    expect(stderr).toContain('errors or warnings (--strict): nothing written');
    expect(await readdir(join(out, 'src', 'models'))).toEqual(before);
  });

  test('a template that breaks the SDK: exit 1, type errors shown, previous output stays', async () => {
    const out = join(dir, 'kept-templates');
    await generate(PAGES, '--out', out);
    const before = await readFile(join(out, 'src/ManagementClient.ts'), 'utf8');
    const templates = join(dir, 'templates');
    await rm(templates, { recursive: true, force: true });
    await mkdir(templates);
    await writeFile(join(templates, 'index.ts.hbs'), 'export const broken: number = "text";\n');
    const { code, stderr } = await generate(PAGES, '--out', out, '--templates', templates);
    expect(code).toBe(1);
    expect(stderr).toContain("src/index.ts:1 - TS2322: Type 'string' is not assignable to type 'number'.");
    expect(await readFile(join(out, 'src/ManagementClient.ts'), 'utf8')).toBe(before);
    expect((await readdir(dir)).filter((name) => name.startsWith('.docsdk-tmp'))).toEqual([]);
  });

  test('refuses to replace a folder it did not write', async () => {
    const out = join(dir, 'foreign');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    const { code, stderr } = await generate(PAGES, '--out', out);
    expect(code).toBe(2); // a usage error: nothing written
    expect(stderr).toContain('did not write');
    expect(await readdir(out)).toEqual(['notes.txt']);
  });
});
