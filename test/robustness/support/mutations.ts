// Ways a doc page gets broken on its way to docsdk (a bad export, a scraper, an editor), as
// fast-check arbitraries over real corpus pages. Markdown is mutated line by line, HTML as a
// DOM (cheerio), so a "row" is a table row in both. Indices are taken modulo the number of
// targets a page has, so every generated mutation applies and shrinks to a small one.
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import fc from 'fast-check';

export type Target = 'row' | 'cell' | 'table' | 'heading';

export type Mutation =
  | { kind: 'drop' | 'duplicate'; target: Target; index: number; cell: number }
  | { kind: 'shuffle'; order: number[] }
  | { kind: 'junk'; at: number; junk: string }
  | { kind: 'truncate'; at: number };

/** Markup and text that break pages: stray and unclosed tags, table syntax, fences, links to nowhere, bad characters. */
export const JUNK = [
  '<div>',
  '</div>',
  '<table>',
  '</table>',
  '<tr><td>',
  '</td></tr>',
  '<th>Name</th>',
  '| a | b |',
  '| --- | --- |',
  '|',
  '\n\n',
  '\n```\n',
  '<!--',
  '-->',
  '<script>',
  '<pre><code>',
  '<a href="#undefined">X</a>',
  '<a href="#">',
  '<a UserDto[]',
  '### ',
  '## Method name\n\n`A.b`\n',
  'Type: `X`',
  '<br>',
  '&#xD800;&#0;&bogus;',
  '\u0000',
  '\uFFFD\uD800',
  '\u2028\u2029',
  '<LastUpdated />',
  '**',
  '`',
];

const index = fc.nat({ max: 1000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('drop' as const, 'duplicate' as const),
    target: fc.constantFrom<Target>('row', 'cell', 'table', 'heading'),
    index,
    cell: index,
  }),
  fc.record({ kind: fc.constant('shuffle' as const), order: fc.array(index, { minLength: 2, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('junk' as const), at: fc.nat(), junk: fc.oneof(fc.constantFrom(...JUNK), fc.string({ unit: 'binary', maxLength: 20 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies mutations in order; truncation works on bytes, so it may cut a UTF-8 sequence. */
export function mutate(bytes: Buffer, format: 'markdown' | 'html', mutations: Mutation[]): Buffer {
  let current = bytes;
  for (const m of mutations) {
    if (m.kind === 'truncate') current = current.subarray(0, m.at % (current.length + 1));
    else if (m.kind === 'junk') {
      const text = current.toString('utf8');
      const at = m.at % (text.length + 1);
      current = Buffer.from(text.slice(0, at) + m.junk + text.slice(at));
    } else {
      const text = current.toString('utf8');
      current = Buffer.from(format === 'markdown' ? mutateMarkdown(text, m) : mutateHtml(text, m));
    }
  }
  return current;
}

/** `order` as a permutation of `n` items (a stable sort of the items by their keys). */
export function permutation(n: number, order: number[]): number[] {
  const keys = Array.from({ length: n }, (_, i) => order[i % order.length] + i / n);
  return keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
}

// ---- Markdown: lines ----

const isRow = (line: string) => line.trimStart().startsWith('|');
const isSeparator = (line: string) => /^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/.test(line);

/** [start, end) line ranges of Markdown tables. */
function tableRanges(lines: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isRow(lines[i])) continue;
    const start = i;
    while (i < lines.length && isRow(lines[i])) i++;
    ranges.push([start, i]);
  }
  return ranges;
}

/** Top-level sections: everything before the first `## `, then one part per `## ` heading. */
export function markdownSections(text: string): string[] {
  return text.split(/(?=^## )/m);
}

function mutateMarkdown(text: string, m: Exclude<Mutation, { kind: 'truncate' | 'junk' }>): string {
  if (m.kind === 'shuffle') {
    const [prologue, ...sections] = markdownSections(text);
    const ended = sections.map((s) => (s.endsWith('\n') ? s : s + '\n'));
    return prologue + permutation(ended.length, m.order).map((i) => ended[i]).join('');
  }
  const lines = text.split('\n');
  const apply = (start: number, end: number, replacement?: string[]) => {
    const part = lines.slice(start, end);
    lines.splice(start, end - start, ...(replacement ?? (m.kind === 'drop' ? [] : [...part, ...part])));
  };
  const pick = <T>(items: T[]): T | undefined => (items.length ? items[m.index % items.length] : undefined);
  if (m.target === 'row') {
    const row = pick(lines.map((l, i) => (isRow(l) && !isSeparator(l) ? i : -1)).filter((i) => i >= 0));
    if (row !== undefined) apply(row, row + 1);
  } else if (m.target === 'cell') {
    const row = pick(lines.map((l, i) => (isRow(l) && !isSeparator(l) ? i : -1)).filter((i) => i >= 0));
    if (row !== undefined) {
      const cells = lines[row].split(/(?<!\\)\|/);
      const j = 1 + (m.cell % Math.max(1, cells.length - 2));
      cells.splice(j, 1, ...(m.kind === 'drop' ? [] : [cells[j], cells[j]]));
      apply(row, row + 1, [cells.join('|')]);
    }
  } else if (m.target === 'table') {
    const range = pick(tableRanges(lines));
    if (range) apply(range[0], range[1]);
  } else {
    const heading = pick(lines.map((l, i) => (/^#{1,6} /.test(l) ? i : -1)).filter((i) => i >= 0));
    if (heading !== undefined) apply(heading, heading + 1);
  }
  return lines.join('\n');
}

// ---- HTML: DOM ----

const SELECTORS: Record<Target, string> = { row: 'tr', cell: 'td, th', table: 'table', heading: 'h1, h2, h3, h4, h5, h6' };

function mutateHtml(text: string, m: Exclude<Mutation, { kind: 'truncate' | 'junk' }>): string {
  const $ = cheerio.load(text);
  if (m.kind === 'shuffle') {
    // The content's parent, as the page reader finds it: the parent of the first h1 (else h2).
    const root = $('h1').first().parent().get(0) ?? $('h2').first().parent().get(0);
    if (!root) return text;
    const prologue: AnyNode[] = [];
    const sections: AnyNode[][] = [];
    for (const child of $(root).contents().toArray()) {
      if (child.type === 'tag' && child.name === 'h2') sections.push([child]);
      else (sections.at(-1) ?? prologue).push(child);
    }
    const order = permutation(sections.length, m.order);
    $(root).empty().append(prologue, ...order.map((i) => sections[i]));
    return $.html();
  }
  const elements = $(SELECTORS[m.target]);
  if (elements.length === 0) return text;
  const el = elements.eq(m.index % elements.length);
  if (m.kind === 'drop') el.remove();
  else el.after(el.clone());
  return $.html();
}
