// Property-based tests: real corpus pages, broken the ways pages get broken (rows, cells,
// tables and headings dropped or doubled, cut anywhere, sections shuffled, junk markup),
// must never make docsdk throw; every problem names its file (and row, for a row); and
// what is still on the page is still read. Fixed seed in CI; locally, for more:
//   DOCSDK_FUZZ_RUNS=50000 DOCSDK_FUZZ_SEED=7 npx vitest run test/robustness/fuzz.test.ts
import path from 'node:path';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build.js';
import type { Diagnostic, Field, TypeRef } from '../../generator/model/types.js';
import { toOpenApi } from '../../generator/openapi/export.js';
import { parsePage, type PageResult } from '../../generator/parse/page.js';
import { pageFormat } from '../../generator/read/page-file.js';
import { corpusDir, fixturePage, textPage } from '../helpers/pages.js';
import { mutate, mutationArb, type Mutation } from './support/mutations.js';

const RUNS = Number(process.env.DOCSDK_FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.DOCSDK_FUZZ_SEED ?? 20250605);
/** Runs of each targeted property: a twentieth of the main one's, at least 100. */
const TARGETED_RUNS = Math.max(100, Math.round(RUNS / 20));
/** vitest's time limit for the main property, a guard against a hang: ~75 ms a case, three times what it takes on an idle 2-core machine (49 s for 2,000 cases; 83 s once at load 15). */
const TIMEOUT_MS = Math.max(60_000, RUNS * 75);

const SEEDS = [
  fixturePage('zh', 'markdown', 'management/管理用户/kick-users'),
  fixturePage('en', 'markdown', 'management/管理用户/kick-users'),
  fixturePage('en', 'fragment', 'management/管理用户/kick-users'),
  fixturePage('en', 'vitepress', 'management/管理用户/kick-users'),
  fixturePage('en', 'vitepress-mangled', 'management/管理用户/set-user-departments'),
  fixturePage('en', 'markdown', 'authentication/登录/signin-by-email-password'),
  fixturePage('zh', 'fragment', 'authentication/公开信息端点/system'),
].map((page) => ({
  page,
  format: pageFormat(page.rel),
  original: parsePage(page),
  // Counterexamples name the page rather than print its bytes.
  [fc.toStringMethod]: () => path.relative(corpusDir, page.abs),
}));
type Seed = (typeof SEEDS)[number];

const seedOf = (seeds: Seed[]) => fc.constantFrom(...seeds);
const seedArb = seedOf(SEEDS);
const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'unknown']);
const SEVERITIES = new Set(['error', 'warning', 'info']);

function validType(t: TypeRef): boolean {
  if (t.kind === 'primitive') return PRIMITIVES.has(t.type);
  if (t.kind === 'ref') return typeof t.ref === 'string' && t.ref !== '';
  return t.kind === 'array' && validType(t.items);
}

// Problems are collected as text and asserted once per case: thousands of expect() calls per
// case would cost more than the parse.
function fieldProblems(f: Field, file: string): string[] {
  const problems: string[] = [];
  if (typeof f.name !== 'string' || f.name === '') problems.push(`field name ${JSON.stringify(f.name)}`);
  if (!validType(f.type)) problems.push(`type of ${f.name}: ${JSON.stringify(f.type)}`);
  if (f.source.file !== file) problems.push(`source file of ${f.name}: ${f.source.file}`);
  if (!Number.isInteger(f.source.row) || f.source.row! < 1) problems.push(`row of ${f.name}: ${f.source.row}`);
  if (typeof f.required !== 'boolean' || typeof f.description !== 'string') problems.push(`required/description of ${f.name}`);
  if (f.enum && !f.enum.every((v) => typeof v === 'string' && v !== '')) problems.push(`enum of ${f.name}: ${JSON.stringify(f.enum)}`);
  return problems;
}

function diagnosticProblems(d: Diagnostic, file: string): string[] {
  const problems: string[] = [];
  if (d.file !== file) problems.push(`diagnostic file ${d.file}: ${d.message}`);
  if (!SEVERITIES.has(d.severity) || !/^[a-z]+\.[a-z-]+$/.test(d.code) || d.message === '') problems.push(`malformed diagnostic ${JSON.stringify(d)}`);
  // A problem with a row says which row.
  if (d.code.startsWith('row.') && (!Number.isInteger(d.row) || d.row! < 1)) problems.push(`no row in ${JSON.stringify(d)}`);
  return problems;
}

/** Everything a page result must be, however broken the page. */
function checkResult(result: PageResult, file: string): void {
  const problems = [
    ...(result.file === file ? [] : [`result file ${result.file}`]),
    ...result.diagnostics.flatMap((d) => diagnosticProblems(d, file)),
    ...result.structures.flatMap((s) => [
      ...(/^[A-Za-z_$][\w$]*$/.test(s.name) ? [] : [`structure name ${JSON.stringify(s.name)}`]),
      ...s.fields.flatMap((f) => fieldProblems(f, file)),
    ]),
    ...(result.operation?.params ?? []).flatMap((f) => fieldProblems(f, file)),
    // A page that yields nothing says why, as an error.
    ...(result.operation || result.diagnostics.some((d) => d.severity === 'error') ? [] : ['no operation and no error']),
  ];
  expect(problems).toEqual([]);
  expect(isPlainJson(result), 'result is plain JSON data').toBe(true);
}

/** Nothing but strings, finite numbers, booleans, arrays and plain objects (properties may be undefined: JSON leaves them out). */
function isPlainJson(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every((v) => v === undefined || isPlainJson(v));
}

const names = (fields: Field[] | undefined) => (fields ?? []).map((f) => f.name);
const shape = (fields: Field[] | undefined) => (fields ?? []).map((f) => [f.name, f.type, f.required, f.enum]);
const options = (runs: number) => ({ numRuns: runs, seed: SEED, endOnFailure: true });

describe(`mutated corpus pages (seed ${SEED})`, () => {
  it(`${RUNS} pages with 1-4 random mutations: parsed, merged and exported without throwing; problems name file and row`, () => {
    fc.assert(
      fc.property(seedArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (seed, mutations: Mutation[]) => {
        const page = textPage(seed.page.rel, mutate(seed.page.bytes, seed.format, mutations));
        const result = parsePage(page);
        checkResult(result, page.rel);
        // Merged with the unbroken pages, its structures now conflict with theirs.
        const others = SEEDS.filter((s) => s !== seed).map((s) => s.original);
        const model = buildModel([result, ...others], { basePath: '/api/v3/' });
        expect(JSON.parse(JSON.stringify(toOpenApi(model))).openapi).toBe('3.1.0');
      }),
      options(RUNS),
    );
  }, TIMEOUT_MS);

  // The parameter rows of each seed, to remove or repeat one of them in place.
  const withParams = SEEDS.filter((s) => (s.original.operation?.params.length ?? 0) > 1);
  const paramArb = fc
    .constantFrom(...withParams)
    .chain((seed) => fc.record({ seed: fc.constant(seed), k: fc.nat({ max: seed.original.operation!.params.length - 1 }) }));

  /** The page with parameter row k removed or doubled (the first row whose name cell is that name). */
  function editParamRow(seed: Seed, k: number, edit: 'drop' | 'duplicate'): Buffer {
    const name = seed.original.operation!.params[k].name;
    const text = seed.page.bytes.toString('utf8');
    if (seed.format === 'markdown') {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => new RegExp(`^\\|\\s*\`?${name}\`?\\s*\\|`).test(l));
      lines.splice(at, 1, ...(edit === 'drop' ? [] : [lines[at], lines[at]]));
      return Buffer.from(lines.join('\n'));
    }
    const $ = cheerio.load(text);
    const row = $('tr')
      .filter((_, tr) => $(tr).children('td').first().text().trim() === name)
      .first();
    if (edit === 'drop') row.remove();
    else row.after(row.clone());
    return Buffer.from($.html());
  }

  it('a dropped parameter row loses that parameter and no other', () => {
    fc.assert(
      fc.property(paramArb, ({ seed, k }) => {
        const result = parsePage(textPage(seed.page.rel, editParamRow(seed, k, 'drop')));
        const expected = names(seed.original.operation!.params).filter((_, i) => i !== k);
        expect(names(result.operation?.params)).toEqual(expected);
        expect(result.diagnostics.map((d) => d.code)).toEqual(seed.original.diagnostics.map((d) => d.code));
      }),
      options(TARGETED_RUNS),
    );
  });

  it('a doubled parameter row is reported at the copy and read once', () => {
    fc.assert(
      fc.property(paramArb, ({ seed, k }) => {
        const result = parsePage(textPage(seed.page.rel, editParamRow(seed, k, 'duplicate')));
        const param = seed.original.operation!.params[k];
        expect(shape(result.operation?.params)).toEqual(shape(seed.original.operation!.params));
        const added = result.diagnostics.filter((d) => !seed.original.diagnostics.some((o) => o.message === d.message));
        expect(added).toEqual([
          {
            severity: 'warning',
            code: 'row.unreadable',
            message: `field ${param.name} appears twice; the first row is kept`,
            file: seed.page.rel,
            section: 'params',
            row: param.source.row! + 1,
          },
        ]);
      }),
      options(TARGETED_RUNS),
    );
  });

  it('a page cut anywhere still yields every parameter whose row ended before the cut', () => {
    const markdownSeeds = withParams.filter((s) => s.format === 'markdown');
    fc.assert(
      fc.property(seedOf(markdownSeeds), fc.nat(), (seed, at) => {
        const bytes = seed.page.bytes;
        const cut = at % (bytes.length + 1);
        const result = parsePage(textPage(seed.page.rel, bytes.subarray(0, cut)));
        checkResult(result, seed.page.rel);
        const text = bytes.toString('utf8');
        const complete = seed.original.operation!.params.filter((p) => {
          const row = new RegExp(`^\\|\\s*\`?${p.name}\`?\\s*\\|.*$`, 'm').exec(text)!;
          return Buffer.byteLength(text.slice(0, row.index + row[0].length)) <= cut;
        });
        const read = new Map((result.operation?.params ?? []).map((p) => [p.name, p]));
        for (const p of complete) expect(read.get(p.name)?.type, p.name).toEqual(p.type);
      }),
      options(TARGETED_RUNS),
    );
  });

  it('a dropped table loses its own rows and nothing else: the response type stays named', () => {
    fc.assert(
      fc.property(seedOf(SEEDS.filter((s) => s.format === 'markdown')), fc.nat({ max: 1000 }), (seed, index) => {
        const result = parsePage(textPage(seed.page.rel, mutate(seed.page.bytes, seed.format, [{ kind: 'drop', target: 'table', index, cell: 0 }])));
        const { original } = seed;
        expect([result.operation?.name, result.operation?.client, result.operation?.response]).toEqual([
          original.operation?.name,
          original.operation?.client,
          original.operation?.response,
        ]);
        // At most one table's fields are gone (none when the table was an empty or broken one).
        const lost = [
          ...(shape(result.operation?.params).length === shape(original.operation?.params).length ? [] : ['params']),
          ...original.structures
            .filter((s) => s.fields.length > 0)
            .filter((s) => JSON.stringify(shape(result.structures.find((r) => r.name === s.name)?.fields)) !== JSON.stringify(shape(s.fields)))
            .map((s) => s.name),
        ];
        expect(lost.length).toBeLessThanOrEqual(1);
      }),
      options(TARGETED_RUNS),
    );
  });

  it('sections in any order read as in the published order', () => {
    fc.assert(
      fc.property(seedArb, fc.array(fc.nat({ max: 1000 }), { minLength: 2, maxLength: 12 }), (seed, order) => {
        const result = parsePage(textPage(seed.page.rel, mutate(seed.page.bytes, seed.format, [{ kind: 'shuffle', order }])));
        const { original } = seed;
        expect([result.operation?.name, result.operation?.client, result.operation?.response]).toEqual([
          original.operation?.name,
          original.operation?.client,
          original.operation?.response,
        ]);
        expect(shape(result.operation?.params)).toEqual(shape(original.operation?.params));
        const structures = (r: PageResult) => r.structures.map((s) => [s.name, shape(s.fields)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        expect(structures(result)).toEqual(structures(original));
      }),
      options(TARGETED_RUNS),
    );
  });
});
