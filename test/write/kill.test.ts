// A generator killed (SIGKILL) while writing: the previous output is intact, and the next
// run leaves no temp folder behind. Runs the built writer (`npm test` builds first).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeOutput } from '../../generator/write/atomic.js';
import { repoRoot } from '../helpers/cli.js';

const BUILT_WRITER = pathToFileURL(join(repoRoot, 'dist/generator/write/atomic.js')).href;

let parent: string;
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'docsdk-kill-'));
});
afterAll(() => rm(parent, { recursive: true, force: true }));

test('SIGKILL mid-write keeps the previous output; the next run clears the temp folder', async () => {
  const out = join(parent, 'sdk');
  await writeOutput(out, new Map([['a.ts', 'previous']]));

  // A child writing many files, killed as soon as its temp folder shows up.
  const script = `
    const { writeOutput } = await import(${JSON.stringify(BUILT_WRITER)});
    const files = new Map(Array.from({ length: 20000 }, (_, i) => ['f/' + i + '.ts', 'x'.repeat(2000)]));
    await writeOutput(${JSON.stringify(out)}, files);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let temp: string[] = [];
  for (let tries = 0; tries < 2000 && temp.length === 0; tries++) {
    temp = (await readdir(parent)).filter((name) => name.startsWith('.docsdk-tmp-'));
    if (temp.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  await exited;
  // Its lock, and maybe already its staged folder: the temp entries of one run.
  const runs = new Set(temp.map((name) => name.replace(/-(?:lock|new)$/, '')));
  expect([...runs], 'the child never started writing').toHaveLength(1);
  expect(await readFile(join(out, 'a.ts'), 'utf8')).toBe('previous');

  await writeOutput(out, new Map([['b.ts', 'next']]));
  expect(await readdir(parent)).toEqual(['sdk']);
  expect(await readFile(join(out, 'b.ts'), 'utf8')).toBe('next');
});
