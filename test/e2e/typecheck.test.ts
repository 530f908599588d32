// The SDK generated from the whole fixture corpus (249 real pages), written to disk and
// compiled with --strict by the TypeScript its package.json pins, as a user would build it.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compilerExecutable } from '../../generator/emit/native-compiler.js';
import { emitSdk, type EmittedSdk } from '../../generator/emit/sdk.js';
import type { Model } from '../../generator/model/types.js';
import { loadModel } from '../../generator/pipeline.js';
import { writeOutput } from '../../generator/write/atomic.js';
import { repoRoot } from '../helpers/cli.js';

const FIXTURE_PAGES = join(repoRoot, 'test/fixtures/corpus/zh/markdown');
/** `tsc --noEmit --strict` on a generated package; returns its output and exit code. */
function compile(dir: string): { code: number | null; output: string } {
  const run = spawnSync(compilerExecutable(), ['-p', join(dir, 'tsconfig.json'), '--noEmit', '--strict'], { encoding: 'utf8' });
  return { code: run.status, output: run.stdout + run.stderr };
}

let model: Model;
let sdk: EmittedSdk;
let parent: string;
beforeAll(async () => {
  ({ model } = await loadModel([FIXTURE_PAGES]));
  sdk = await emitSdk(model);
  parent = await mkdtemp(join(tmpdir(), 'docsdk-e2e-'));
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('SDK from 249 fixture pages', () => {
  test('has a client file, one model file per structure, and the package files', () => {
    const operations = model.clients.reduce((n, c) => n + c.operations.length, 0);
    expect(operations).toBe(249);
    const paths = [...sdk.files.keys()];
    expect(paths.filter((p) => p.startsWith('src/models/'))).toHaveLength(Object.keys(model.structures).length);
    expect(paths.filter((p) => !p.startsWith('src/models/'))).toEqual([
      'README.md',
      'openapi.json',
      'package.json',
      'src/AuthenticationClient.ts',
      'src/ManagementClient.ts',
      'src/index.ts',
      'src/runtime.ts',
      'tsconfig.json',
    ]);
  });

  test('compiles with tsc --strict once written', async () => {
    const out = join(parent, 'sdk');
    await writeOutput(out, sdk.files);
    const { code, output } = compile(out);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  test('a second run from the same pages gives the same bytes', async () => {
    const again = await emitSdk((await loadModel([FIXTURE_PAGES])).model, { typeCheck: false });
    expect([...again.files]).toEqual([...sdk.files]);
  });

  test('the runtime ships verbatim from generator/emit/runtime/runtime.ts', async () => {
    const source = await readFile(join(repoRoot, 'generator/emit/runtime/runtime.ts'), 'utf8');
    expect(sdk.files.get('src/runtime.ts')).toContain(source.trimEnd());
  });
});
