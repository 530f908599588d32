// The committed output/ (generated from input-docs/ by `npm run generate`) is an SDK that
// builds: tsc --strict over it, with the project's TypeScript.
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { compilerExecutable } from '../../generator/emit/native-compiler.js';

const OUTPUT = join(repoRoot, 'output');

test('output/ compiles with tsc --noEmit --strict', async () => {
  expect(await readdir(OUTPUT), 'output/ is empty: run npm run generate').toContain('tsconfig.json');
  const run = spawnSync(compilerExecutable(), ['-p', join(OUTPUT, 'tsconfig.json'), '--noEmit', '--strict'], { encoding: 'utf8' });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
});
