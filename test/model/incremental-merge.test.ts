// The merges of structure names a run reuses from the last one (model/structure-merge.ts,
// kept in the run cache) give the model a clean build gives, byte for byte: checked over
// random sequences of page edits (mutated tables, rows, headings, summaries), added pages
// (copies of real ones, mutated or not: names defined on more pages, conflicts) and removed
// pages, on real fixture pages, each step a run through the real cache file. More runs:
//   DOCSDK_MERGE_RUNS=200 DOCSDK_FUZZ_SEED=7 npx vitest run test/model/incremental-merge.test.ts
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, buildModelOf } from '../../generator/model/build.js';
import { inferItemsFromSamples } from '../../generator/model/sample-items.js';
import { pageInput, type NameMerge, type NameMerges } from '../../generator/model/structure-merge.js';
import { parsePage, type PageResult } from '../../generator/parse/page.js';
import { loadModel } from '../../generator/pipeline.js';
import type { PageFile } from '../../generator/read/page-file.js';
import type { PageCache } from '../../generator/pipeline.js';
import { RunCache } from '../../generator/workflow/run-cache.js';
import { eachSequence, fixturePages, freshResults } from '../support/page-steps.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const SEED = Number(process.env.DOCSDK_FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.DOCSDK_MERGE_RUNS ?? 12);

/** The model a clean build gives. */
function cleanModel(pages: PageFile[]): string {
  return JSON.stringify(inferItemsFromSamples(buildModel(freshResults(pages), { basePath: '/api/v3/' })));
}

/** A run with the page cache at `file`: the model, how many pages it parsed and how many merges it reused. */
async function cachedRun(file: string, pages: PageFile[]): Promise<{ model: string; parsed: number; reused: number }> {
  const cache = await RunCache.open(file);
  await cache.loadPages();
  let reused = 0;
  const counting: PageCache = {
    lookup: (p) => cache.lookup(p),
    remember: (p, result) => cache.remember(p, result),
    merges: {
      reuse: (name, from) => {
        const merge = cache.merges.reuse(name, from);
        if (merge) reused++;
        return merge;
      },
      keep: (name, merge) => cache.merges.keep(name, merge),
    },
  };
  const { model, parsed } = await loadModel([], { pageCache: counting, read: { files: pages, missing: [] } });
  await cache.save({ fingerprint: 'test', output: new Map(), result: { outcome: 'written', exitCode: 0, diagnostics: [] } });
  return { model: JSON.stringify(model), parsed, reused };
}

describe(`structure merges reused from the last run (seed ${SEED})`, () => {
  it(`give the clean build's model byte for byte over ${RUNS} random sequences of edits, additions and removals`, async () => {
    const base = fixturePages();
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-merge-'));
    const baseCache = join(dir, 'base.v8');
    const first = await cachedRun(baseCache, base);
    expect(first.model).toBe(cleanModel(base));
    expect([first.parsed, first.reused]).toEqual([base.length, 0]);
    let reused = 0;
    await eachSequence(base, baseCache, { runs: RUNS, seed: SEED }, async (file, pages) => {
      const result = await cachedRun(file, pages);
      // Compared as booleans: a failure prints the steps (fast-check), not two whole models.
      expect(result.model === cleanModel(pages)).toBe(true);
      // Incremental indeed: only the page edited or added was parsed.
      expect(result.parsed).toBeLessThanOrEqual(1);
      reused += result.reused;
    });
    // The control: most names' merges came from the last run.
    expect(reused).toBeGreaterThan(RUNS * 10);
  });

  it('never reuses the merges of the names a page over the size limit defines (its key holds its size, not its bytes)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-merge-'));
    const html = fixturePages().find((file) => file.rel === 'widdershins/html/rbaskets.in/index.html')!;
    const markdown = readFileSync(join(FIXTURES, 'widdershins/markdown/rbaskets.in/index.md'), 'utf8');
    const abs = join(dir, 'api.md');
    // Read by the Widdershins reader itself, past maxPageBytes: its page holds only its size.
    const oversize: PageFile = { abs, rel: 'api.md', bytes: Buffer.alloc(0), oversize: { size: Buffer.byteLength(markdown), limit: 1000 } };
    const run = async (cache?: RunCache) => JSON.stringify((await loadModel([], { pageCache: cache, read: { files: [html, oversize], missing: [] } })).model);
    const cacheFile = join(dir, 'cache.v8');
    await writeFile(abs, markdown);
    const first = await RunCache.open(cacheFile);
    const before = await run(first);
    await first.save({ fingerprint: 'test', output: new Map(), result: { outcome: 'written', exitCode: 0, diagnostics: [] } });
    // The same size, another definition of Baskets than the HTML page's: a conflict.
    const edited = markdown.replace('|has_more|boolean|true|none|Indicates if there are more baskets', '|has_more|integer|true|none|Indicates if there are more baskets');
    expect(edited.length).toBe(markdown.length);
    expect(edited).not.toBe(markdown);
    await writeFile(abs, edited);
    const second = await RunCache.open(cacheFile);
    await second.loadPages();
    const after = await run(second);
    expect(after).toBe(await run());
    expect(after).not.toBe(before);
    expect(after).toContain('Baskets is defined differently');
  });

  it('would differ from a clean build if a merge were reused by name alone (the control of the above)', () => {
    const results = fixturePages().map(parsePage);
    // One definition of a structure with a field dropped from it (a conflict, or another definition chosen).
    const edited = structuredClone(results);
    edited.flatMap((r) => r.structures).find((s) => s.fields.length > 1)!.fields.pop();
    const clean = (pages: PageResult[]) => JSON.stringify(inferItemsFromSamples(buildModel(structuredClone(pages), { basePath: '/api/v3/' })));
    // Merges kept by name, whatever pages they were computed from.
    const byName = new Map<string, NameMerge>();
    const stale: NameMerges = { reuse: (name) => byName.get(name), keep: (name, merge) => void byName.set(name, merge) };
    const withStale = (pages: PageResult[]) =>
      JSON.stringify(inferItemsFromSamples(buildModelOf(structuredClone(pages).map((r) => pageInput(r, r.file)), { basePath: '/api/v3/' }, stale)));
    expect(withStale(results)).toBe(clean(results));
    expect(clean(edited)).not.toBe(clean(results));
    expect(withStale(edited)).not.toBe(clean(edited));
  });
});
