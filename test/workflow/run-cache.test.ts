import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { deserialize } from 'node:v8';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageInput } from '../../generator/model/structure-merge.js';
import { parsePage, type PageResult } from '../../generator/parse/page.js';
import type { PageFile } from '../../generator/read/page-file.js';
import { runFingerprint } from '../../generator/workflow/fingerprint.js';
import { contentHash } from '../../generator/workflow/output-files.js';
import { RunCache, type RecordedRun } from '../../generator/workflow/run-cache.js';
import type { RunResult } from '../../generator/workflow/run-report.js';

const RESULT: RunResult = { outcome: 'written', exitCode: 1, diagnostics: [{ severity: 'error', code: 'page.x', message: 'bad', file: 'a.md', section: 'params', row: 2 }] };
const recorded = (fingerprint: string, output: Record<string, string> = {}): RecordedRun => ({ fingerprint, output: new Map(Object.entries(output)), result: RESULT });

const page = (rel: string, text: string): PageFile => ({ abs: `/virtual/${rel}`, rel, bytes: Buffer.from(text) });
const PAGE = page('management/users/get-user.md', '# Get user\n\n## 方法名称\n\n`ManagementClient.get_user`\n');

/** The whole result of a page as the model is built from it (its definitions read). */
const resultOf = ({ result, structures }: PageInput): PageResult => ({ ...result, structures: structures.names.map((_, index) => structures.definition(index)) });

/** What loadModel does with a page cache: its result if it has one, else parse and remember. */
function parseThrough(cache: RunCache, page: PageFile): PageResult {
  const cached = cache.lookup(page);
  if (cached) return resultOf(cached);
  const parsed = parsePage(page);
  cache.remember(page, parsed);
  return parsed;
}

async function cacheFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'docsdk-cache-')), 'sub', 'cache.json');
}

/** A cache that a run of sixteen pages saved. */
async function sixteenPagesCached(): Promise<{ file: string; pages: PageFile[] }> {
  const file = await cacheFile();
  const pages = Array.from({ length: 16 }, (_, i) => page(`management/p${i}.md`, `${PAGE.bytes}\nPage ${i}.\n`));
  const first = await RunCache.open(file);
  for (const p of pages) parseThrough(first, p);
  await first.save(recorded('one'));
  return { file, pages };
}

/** The cache at `file` as the next run opens it, its page results read. */
async function openedWithPages(file: string): Promise<RunCache> {
  const cache = await RunCache.open(file);
  await cache.loadPages();
  return cache;
}

describe('RunCache', () => {
  it('parses a page once; a reopened cache answers with the same result', async () => {
    const file = await cacheFile();
    const first = await RunCache.open(file);
    const parsed = parseThrough(first, PAGE);
    expect(parsed).toEqual(parsePage(PAGE));
    expect([first.hits, first.misses]).toEqual([0, 1]);
    await first.save(recorded('inputs'));

    const second = await RunCache.open(file);
    await second.loadPages();
    expect(parseThrough(second, PAGE)).toEqual(parsed);
    expect([second.hits, second.misses]).toEqual([1, 0]);
  });

  it('parses again when the content or the path of a page differ', async () => {
    const file = await cacheFile();
    const first = await RunCache.open(file);
    parseThrough(first, PAGE);
    await first.save(recorded('inputs'));
    const second = await RunCache.open(file);
    await second.loadPages();
    parseThrough(second, page(PAGE.rel, PAGE.bytes.toString() + '\nMore.\n'));
    parseThrough(second, page('management/users/get-user-2.md', PAGE.bytes.toString()));
    expect([second.hits, second.misses]).toEqual([0, 2]);
  });

  it('tells apart pages left unread for their size by that size and the limit', async () => {
    const cache = await RunCache.open(await cacheFile());
    const unread = (size: number, limit: number): PageFile => ({ ...page(PAGE.rel, ''), oversize: { size, limit } });
    parseThrough(cache, unread(3_000_000, 2_000_000));
    parseThrough(cache, unread(3_000_000, 2_000_000));
    parseThrough(cache, unread(3_000_001, 2_000_000));
    parseThrough(cache, unread(3_000_000, 1_000_000));
    expect([cache.hits, cache.misses]).toEqual([1, 3]);
  });

  it('keeps only the pages of the last run', async () => {
    const file = await cacheFile();
    const first = await RunCache.open(file);
    parseThrough(first, PAGE);
    await first.save(recorded('inputs'));
    await (await RunCache.open(file)).save(recorded('inputs'));
    const third = await RunCache.open(file);
    await third.loadPages();
    parseThrough(third, PAGE);
    expect(third.misses).toBe(1);
  });

  it('a run that parsed a page or two of many writes only those beside the pages file, and a later run finds them all', async () => {
    const { file, pages } = await sixteenPagesCached();
    const pagesFile = await readFile(`${file}.pages`);

    // One page edited: its old result goes unused, its new one is added.
    const edited = [page(pages[0].rel, `${pages[0].bytes}\nEdited.\n`), ...pages.slice(1)];
    const second = await openedWithPages(file);
    for (const p of edited) parseThrough(second, p);
    expect([second.hits, second.misses]).toEqual([15, 1]);
    await second.save(recorded('two'));
    expect(await readFile(`${file}.pages`)).toEqual(pagesFile);
    expect(Object.keys((deserialize(await readFile(`${file}.pages-added`)) as { pages: object }).pages)).toHaveLength(1);

    // Both results of the edited page are found (its edit undone, then redone), and the others.
    const third = await openedWithPages(file);
    for (const p of [...pages, edited[0]]) expect(parseThrough(third, p)).toEqual(parsePage(p));
    expect([third.hits, third.misses]).toEqual([17, 0]);
  });

  it('writes the pages file anew, of this run\'s results only, once more than an eighth of them would be stale or beside it', async () => {
    const { file, pages } = await sixteenPagesCached();
    const second = await openedWithPages(file);
    parseThrough(second, page(pages[0].rel, 'edited'));
    for (const p of pages.slice(1)) parseThrough(second, p);
    await second.save(recorded('two'));
    expect(existsSync(`${file}.pages-added`)).toBe(true);

    // Two pages edited (four results stale or added, of sixteen): the pages file holds exactly this run's results.
    const third = await openedWithPages(file);
    const now = [page(pages[0].rel, 'edited'), page(pages[1].rel, 'edited too'), ...pages.slice(2)];
    for (const p of now) parseThrough(third, p);
    expect([third.hits, third.misses]).toEqual([15, 1]);
    await third.save(recorded('three'));
    expect(existsSync(`${file}.pages-added`)).toBe(false);
    const stored = deserialize(await readFile(`${file}.pages`)) as { pages: object };
    expect(Object.keys(stored.pages)).toHaveLength(16);
    const fourth = await openedWithPages(file);
    for (const p of now) parseThrough(fourth, p);
    parseThrough(fourth, pages[0]);
    expect([fourth.hits, fourth.misses]).toEqual([16, 1]);
  });

  it('replays the last run (its diagnostics and exit code) only for the same fingerprint and the same bytes on disk', async () => {
    const file = await cacheFile();
    const cache = await RunCache.open(file);
    await cache.save(recorded('fingerprint', { 'a.ts': contentHash('A') }));
    const reopened = await RunCache.open(file);
    const onDisk = (files: [string, string][]) => new Map(files.map(([path, text]) => [path, contentHash(text)]));
    expect(reopened.replay('fingerprint', onDisk([['a.ts', 'A']]))).toEqual(RESULT);
    expect(reopened.replay('other', onDisk([['a.ts', 'A']]))).toBeUndefined();
    expect(reopened.replay('fingerprint', onDisk([['a.ts', 'B']]))).toBeUndefined();
    expect(reopened.replay('fingerprint', onDisk([['a.ts', 'A'], ['b.ts', '']]))).toBeUndefined();
    expect(reopened.replay('fingerprint', new Map())).toBeUndefined();
  });

  it('treats a corrupt cache file as empty', async () => {
    const file = await cacheFile();
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, '{ not json');
    const cache = await RunCache.open(file);
    expect(cache.replay('x', new Map())).toBeUndefined();
    parseThrough(cache, PAGE);
    expect(cache.misses).toBe(1);
  });
});

describe('runFingerprint', () => {
  const parts = { pages: [PAGE], config: { basePath: '/api/v3/' }, templates: new Map<string, Buffer>(), flags: { strict: false } };
  it('changes with any page byte, the config, a template, a flag or another input file', () => {
    const base = runFingerprint(parts);
    expect(runFingerprint({ ...parts })).toBe(base);
    expect(runFingerprint({ ...parts, pages: [page(PAGE.rel, PAGE.bytes + ' ')] })).not.toBe(base);
    expect(runFingerprint({ ...parts, config: { basePath: '/v2/' } })).not.toBe(base);
    expect(runFingerprint({ ...parts, templates: new Map([['client.ts.hbs', Buffer.from('x')]]) })).not.toBe(base);
    expect(runFingerprint({ ...parts, flags: { strict: true } })).not.toBe(base);
    expect(runFingerprint({ ...parts, evidence: 'a hash of the evidence' })).not.toBe(base);
  });
});
