// Generalization by construction: real pages with a real defect moved to every place it can
// occur, in the Markdown source and in its fragment rendering. Whatever the variant, every
// operation and every field of the original page comes through with the same values (row
// numbers included), the multi-line value keeps its text, and nothing new is reported but
// notes. Seeded and bounded: DOCSDK_GENERALIZATION_SEED=N picks other rows and values.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../generator/model/build.js';
import type { Field } from '../../../generator/model/types.js';
import { camelCase, pageStem } from '../../../generator/parse/names.js';
import { parsePage, type PageResult } from '../../../generator/parse/page.js';
import { fixturePage, textPage } from '../../helpers/pages.js';
import {
  fragment,
  lineCells,
  markdownTables,
  MULTI_LINE_VALUES,
  random,
  withDelimiter,
  withValue,
  words,
  type FreeColumn,
  type MarkdownTable,
} from './variants.js';

const SEED = Number(process.env.DOCSDK_GENERALIZATION_SEED ?? 9);
/** Rows of a longer table that get a value: the first, the last and this many others, seeded. */
const INNER_ROWS = 3;
/** Variants with several defects at once. */
const COMBINED = 25;

// Pages with every table kind: request parameters (with default and sample columns), the
// response table, data structures (the broken `<div></div>示例值</div>` header of the
// authentication pages, links to structures, enums), in Chinese and English.
const PAGES = [
  ['zh', 'management/管理用户/get-user-groups'],
  ['zh', 'management/管理用户分组/create-group'],
  ['zh', 'authentication/公开信息端点/system'],
  ['zh', 'management/管理组织机构/create-department'],
  ['en', 'management/管理用户/create-user'],
  ['en', 'management/管理用户/kick-users'],
] as const;

const FLAVORS = {
  markdown: (rel: string, source: string) => textPage(`${rel}.md`, source),
  fragment: (rel: string, source: string) => textPage(`${rel}.html`, fragment(source)),
};
export type Flavor = keyof typeof FLAVORS;

const FACTS = ['type', 'required', 'default', 'example', 'description', 'enum', 'maxItems', 'inferred'] as const;

/** Every field of a page result by `owner.name`: the facts the model keeps, with the row. */
function fieldFacts(result: PageResult): Map<string, Record<string, unknown>> {
  const facts = new Map<string, Record<string, unknown>>();
  const add = (owner: string, fields: Field[]) => {
    for (const f of fields) facts.set(`${owner}.${f.name}`, { ...Object.fromEntries(FACTS.map((k) => [k, f[k]])), row: f.source.row, section: f.source.section });
  };
  add('params', result.operation?.params ?? []);
  for (const s of result.structures) add(s.name, s.fields);
  return facts;
}

function operationFacts(result: PageResult): unknown {
  const op = result.operation;
  return op && [op.name, op.rawName, op.client, op.summary, op.description, op.response, op.responseExample, result.structures.map((s) => s.name)];
}

/** What a reader is warned about (notes are expected: they say what was recovered). */
const problems = (result: PageResult) => result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.section} ${d.row ?? ''}: ${d.message}`);

// Where a multi-line value left the rest of the table as paragraph text, the renderer paired
// the backticks there the wrong way round, and what that loses cannot be told from the HTML:
// whether a space stood beside inline code, and the case of a `<name>` written in code (it was
// taken for a tag). The two normalizations allowed.
const loose = (v: unknown) =>
  JSON.stringify(v)
    ?.replace(/ *` */g, '`')
    .replace(/<[A-Za-z][\w-]*>/g, (tag) => tag.toLowerCase());
const sameFact = (a: unknown, b: unknown) => loose(a) === loose(b);

/** `owner.field.fact` for every fact that differs. */
function differences(before: PageResult, after: PageResult): string[] {
  const a = fieldFacts(before);
  const b = fieldFacts(after);
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (!a.has(key) || !b.has(key)) {
      out.push(`${key} ${a.has(key) ? 'missing' : 'added'}`);
      continue;
    }
    for (const fact of [...FACTS, 'row', 'section']) if (!sameFact(a.get(key)![fact], b.get(key)![fact])) out.push(`${key}.${fact}`);
  }
  return out;
}

interface Seed {
  rel: string;
  lines: string[];
  tables: MarkdownTable[];
  original: Record<Flavor, PageResult>;
}

const seeds: Seed[] = PAGES.map(([lang, page]) => {
  const source = fixturePage(lang, 'markdown', page).bytes.toString('utf8');
  const rel = `${lang}/${page}`;
  const original = Object.fromEntries(Object.entries(FLAVORS).map(([flavor, make]) => [flavor, parsePage(make(rel, source))])) as Record<Flavor, PageResult>;
  return { rel, lines: source.split('\n'), tables: markdownTables(source.split('\n')), original };
});

/** One multi-line value in one cell, and what it must change: that field's fact, to that text. */
interface Placement {
  line: number;
  column: number;
  role: FreeColumn;
  value: string;
  /** The field (by its name cell) whose fact changes; none when the table repeats an earlier one. */
  field?: string;
}

function placements(seed: Seed, pick: () => number): Placement[] {
  const out: Placement[] = [];
  for (const table of seed.tables.filter((t) => t.rows.length > 0)) {
    const inner = table.rows.slice(1, -1).sort(() => pick() - 0.5).slice(0, INNER_ROWS);
    const rows = [...new Set([table.rows[0], ...inner, table.rows.at(-1)!])];
    for (const line of rows) {
      for (const [role, column] of Object.entries(table.columns) as [FreeColumn, number][]) {
        const value = MULTI_LINE_VALUES[Math.floor(pick() * MULTI_LINE_VALUES.length)].text;
        const name = lineCells(seed.lines[line])[0].replace(/`/g, '').trim();
        out.push({ line, column, role, value, ...(table.repeated ? {} : { field: name }) });
      }
    }
  }
  return out;
}

/** The text a placement gives its field's fact: a description keeps its text before the value. */
function expectedWords(before: unknown, p: Placement): string {
  return words(p.role === 'description' ? `${before} ${p.value}` : p.value);
}

/** Asserts a variant against its original: the placements' facts changed as expected, nothing else. */
function expectVariant(seed: Seed, flavor: Flavor, variant: string[], changes: Placement[], label: string): PageResult {
  const result = parsePage(FLAVORS[flavor](seed.rel, variant.join('\n')));
  const original = seed.original[flavor];
  expect(operationFacts(result), label).toEqual(operationFacts(original));
  expect(problems(result), label).toEqual(problems(original));
  const expected = changes.filter((p) => p.field).map((p) => `.${p.field}.${p.role}`);
  const found = differences(original, result);
  // The changed key is `owner.field.fact`; the owner is whichever table the row is in.
  expect(found.map((d) => expected.find((e) => d.endsWith(e)) ?? d).sort(), label).toEqual([...new Set(expected)].sort());
  const [was, now] = [fieldFacts(original), fieldFacts(result)];
  for (const p of changes.filter((c) => c.field)) {
    const changed = found.find((d) => d.endsWith(`.${p.field}.${p.role}`));
    // Two values in one cell: the later one replaced the first.
    if (!changed || changes.filter((c) => c.field === p.field && c.role === p.role).length > 1) continue;
    const key = changed.slice(0, -(p.role.length + 1));
    expect(words(String(now.get(key)![p.role])), `${label}: ${key}`).toBe(expectedWords(was.get(key)![p.role], p));
  }
  return result;
}

/** The suite for one flavor (one test file each, so the two run side by side). */
export function generalizationSuite(flavor: Flavor): void {
  describe(`generalization by construction (seed ${SEED}, ${flavor})`, () => {
    it.each(seeds.map((s) => [s.rel, s] as const))('a multi-line value in every free-text column of every table kind, first, inner and last rows: %s', (_rel, seed) => {
      const pick = random(SEED);
      const all = placements(seed, pick);
      expect(all.length).toBeGreaterThan(0);
      for (const p of all) {
        const variant = withValue(seed.lines, p.line, p.column, p.role, p.value);
        expectVariant(seed, flavor, variant, [p], `line ${p.line + 1} ${p.role} ${JSON.stringify(p.value.slice(0, 20))}`);
      }
    });

    it.each(seeds.map((s) => [s.rel, s] as const))('a delimiter row one cell short or long: every table read by its header, with a note: %s', (_rel, seed) => {
      for (const table of seed.tables.filter((t) => !t.repeated)) {
        for (const change of [-1, 1] as const) {
          const result = expectVariant(seed, flavor, withDelimiter(seed.lines, table, change), [], `table at line ${table.header + 1}, ${change}`);
          expect(result.diagnostics.filter((d) => d.code === 'table.delimiter').length).toBeGreaterThan(0);
        }
      }
    });

    it(`${COMBINED} variants with several defects at once: values in two or three cells, a broken delimiter row`, () => {
      const pick = random(SEED + 1);
      for (let n = 0; n < COMBINED; n++) {
        const seed = seeds[Math.floor(pick() * seeds.length)];
        const pool = placements(seed, pick);
        const chosen = pool.sort(() => pick() - 0.5).slice(0, 2 + Math.floor(pick() * 2));
        let variant = seed.lines;
        for (const p of chosen) variant = withValue(variant, p.line, p.column, p.role, p.value);
        const broken = pick() < 0.5 ? seed.tables.filter((t) => !t.repeated)[Math.floor(pick() * seed.tables.length)] : undefined;
        if (broken) variant = withDelimiter(variant, broken, pick() < 0.5 ? -1 : 1);
        expectVariant(seed, flavor, variant, chosen, `${seed.rel} #${n}: ${chosen.map((p) => `line ${p.line + 1} ${p.role}`).join(', ')}${broken ? `, delimiter at ${broken.header + 2}` : ''}`);
      }
    });

    it.each(seeds.map((s) => [s.rel, s] as const))('the same page under another file name: both operations, the copy named from its file name: %s', (_rel, seed) => {
      const source = seed.lines.join('\n');
      const copyRel = seed.rel.replace(/([^/]+)$/, '$1-by-user');
      const copy = parsePage(FLAVORS[flavor](copyRel, source));
      const model = buildModel([copy, seed.original[flavor]], { basePath: '/api/v3/' });
      const ops = model.clients.flatMap((c) => c.operations);
      const original = seed.original[flavor].operation!;
      // One keeps the page's method name, the other is named from its own file name.
      const renamed = ops.filter((o) => o.name !== original.name);
      expect([ops.length, renamed.length]).toEqual([2, 1]);
      expect(renamed[0].name).toBe(camelCase(pageStem(renamed[0].source.file)));
      const strip = (params: Field[]) => params.map((p) => ({ ...p, in: undefined, source: { ...p.source, file: '' } }));
      for (const op of ops) expect(strip(op.params)).toEqual(strip(original.params));
      expect(model.diagnostics.filter((d) => d.code === 'operation.duplicate-name').map((d) => d.file)).toEqual([renamed[0].source.file]);
    });
  });
}
