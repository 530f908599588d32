// Fixture pages and random steps on them (edits, added and removed pages), for the property tests
// that compare a run drawing on the last one with a clean build, step by step.
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parsePage, type PageResult } from '../../generator/parse/page.js';
import type { PageFile } from '../../generator/read/page-file.js';
import { mutate, mutationArb, type Mutation } from '../robustness/support/mutations.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The GenAuth pages of every flavor (the same structures on many pages) and two Widdershins pages of one API (a whole API each). */
export function fixturePages(): PageFile[] {
  const under = (dir: string, test: RegExp) =>
    (readdirSync(join(FIXTURES, dir), { recursive: true }) as string[]).filter((f) => test.test(f)).map((f) => join(FIXTURES, dir, f));
  const files = [...under('corpus', /\.html$/), ...under('widdershins/html/rbaskets.in', /\.html$/), ...under('widdershins/markdown/rbaskets.in', /\.md$/)];
  return files.sort().map((abs) => page(relative(FIXTURES, abs), readFileSync(abs)));
}

export const page = (rel: string, bytes: Buffer): PageFile => ({ abs: `/virtual/${rel}`, rel, bytes });
const format = (rel: string) => (rel.endsWith('.md') ? ('markdown' as const) : ('html' as const));

/** A page's summary edited (the bench's edit): its h1, or its first Markdown heading. */
function editSummary(file: PageFile, n: number): Buffer {
  const text = file.bytes.toString('utf8');
  return Buffer.from(format(file.rel) === 'markdown' ? text.replace(/^(# .*)$/m, `$1 (edit ${n})`) : text.replace('</h1>', ` (edit ${n})</h1>`));
}

export type Step =
  | { kind: 'edit'; page: number; mutations: Mutation[] }
  | { kind: 'summary'; page: number }
  | { kind: 'add'; page: number; folder: number; mutations: Mutation[] }
  | { kind: 'remove'; page: number };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), page: fc.nat(), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 2 }) }),
  fc.record({ kind: fc.constant('summary' as const), page: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), page: fc.nat(), folder: fc.nat(), mutations: fc.array(mutationArb, { maxLength: 1 }) }),
  fc.record({ kind: fc.constant('remove' as const), page: fc.nat() }),
);

/** The pages after `step` (a new list; at least one page is kept). */
export function apply(pages: PageFile[], step: Step, n: number): PageFile[] {
  const at = step.page % pages.length;
  const target = pages[at];
  const next = [...pages];
  if (step.kind === 'edit') next[at] = page(target.rel, mutate(target.bytes, format(target.rel), step.mutations));
  else if (step.kind === 'summary') next[at] = page(target.rel, editSummary(target, n));
  else if (step.kind === 'remove') {
    if (pages.length > 1) next.splice(at, 1);
  } else {
    const folder = pages[step.folder % pages.length].rel.replace(/\/[^/]*$/, '');
    const ext = target.rel.slice(target.rel.lastIndexOf('.'));
    next.push(page(`${folder}/copy-${n}${ext}`, mutate(target.bytes, format(target.rel), step.mutations)));
  }
  return next;
}

/** Parse results by path and content: a clean build needs every page's, fresh objects each time (the build adjusts them). */
const parsedPages = new Map<string, PageResult>();
export function freshResults(pages: PageFile[]): PageResult[] {
  return pages.map((file) => {
    const key = `${file.rel}\0${file.bytes.toString('base64')}`;
    if (!parsedPages.has(key)) parsedPages.set(key, parsePage(file));
    return structuredClone(parsedPages.get(key)!);
  });
}

/**
 * Runs `step` on each page list of `runs` random sequences of steps from `base` (seeded), each
 * sequence on its own copy of the cache file `baseCache` (and its pages file) a first run on
 * `base` left: `step(file, pages, n)` runs on the cache at `file`.
 */
export async function eachSequence(base: PageFile[], baseCache: string, options: { runs: number; seed: number }, step: (file: string, pages: PageFile[], n: number) => Promise<void>): Promise<void> {
  let sequence = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
      const file = `${baseCache}-${sequence++}`;
      await copyFile(baseCache, file);
      await copyFile(`${baseCache}.pages`, `${file}.pages`);
      let pages = base;
      for (const [n, next] of steps.entries()) {
        pages = apply(pages, next, n);
        await step(file, pages, n);
      }
    }),
    { numRuns: options.runs, seed: options.seed, endOnFailure: true },
  );
}
