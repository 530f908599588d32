// parsePages on worker threads: the same results as parsePage, in page order. Workers run
// compiled JavaScript, so this uses the build (`npm test` builds first).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { parsePage } from '../../generator/parse/page.js';
import type * as Parallel from '../../generator/parse/parallel.js';
import type { PageFile } from '../../generator/read/page-file.js';
import { repoRoot } from '../helpers/cli.js';
import { corpusDir, textPage } from '../helpers/pages.js';

const BUILT = pathToFileURL(join(repoRoot, 'dist/generator/parse/parallel.js')).href;

/** `count` pages: the Markdown fixtures under numbered folders, and one that is no page at all. */
function pages(count: number): PageFile[] {
  const folder = join(corpusDir, 'zh', 'markdown');
  const fixtures = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
  const texts = fixtures.map((file) => readFileSync(join(folder, file)));
  const all = Array.from({ length: count - 1 }, (_, n) => textPage(`copy-${Math.floor(n / fixtures.length)}/${fixtures[n % fixtures.length]}`, texts[n % fixtures.length]));
  all.splice(7, 0, textPage('binary.html', Buffer.from([0, 1, 2, 3])));
  return all;
}

test('worker threads give what parsePage gives, in page order', async () => {
  const { parsePages, workerCount, PAGES_PER_WORKER } = (await import(BUILT)) as typeof Parallel;
  const files = pages(PAGES_PER_WORKER + 1);
  expect(workerCount(files.length, 2)).toBe(1);
  expect(await parsePages(files, { threads: 2 })).toEqual(files.map(parsePage));
}, 120_000);

test('few pages stay on the calling thread', async () => {
  const { workerCount, PAGES_PER_WORKER } = (await import(BUILT)) as typeof Parallel;
  expect(workerCount(PAGES_PER_WORKER - 1, 8)).toBe(0);
});

test('a worker per core other processes left free, counting a core free while they used at most a quarter of it', async () => {
  const { idleThreads } = (await import(BUILT)) as typeof Parallel;
  expect([idleThreads(1.93, 2), idleThreads(1.75, 2), idleThreads(1.74, 2), idleThreads(1, 2), idleThreads(0, 2), idleThreads(2, 1)]).toEqual([2, 2, 1, 1, 1, 1]);
  expect([idleThreads(8, 8), idleThreads(5.5, 8), idleThreads(7.8, 8)]).toEqual([8, 5, 8]);
});
