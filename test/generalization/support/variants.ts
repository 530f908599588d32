// Page variants by construction: real corpus pages (Markdown source) with the defects real docs
// show in one place moved to every other place: a multi-line value in any free-text cell of any
// row of any table, a delimiter row with one cell too many or too few, the same page under
// another file name. Each variant says what it changed, so a test can expect exactly that.
import MarkdownIt from 'markdown-it';

/** Seeded PRNG (mulberry32): the same seed picks the same variants on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multi-line values of the kinds real pages hold (code, JSON, prose with lists), each with a
 * line that ends a Markdown table in its own way: an indented line (code block), a blank line,
 * a list item, a heading, a quote, a closing backtick alone on the last line.
 */
export const MULTI_LINE_VALUES: { kind: string; text: string }[] = [
  {
    kind: 'code, a line indented four spaces',
    text: '`async function pipe(user, context, callback) {\n  const n = new Date().getHours();\n  if (n < 6) {\n    return callback(new Error(\'维护中\'));\n  }\n  callback(null, user, context)\n}`',
  },
  { kind: 'JSON with a blank line', text: '`{\n  "id": "60b49eb83fd80adb96f26e68",\n\n  "tags": ["a", "b"]\n}`' },
  { kind: 'a list item and a heading', text: '`steps:\n- open the console\n# then\nsave`' },
  { kind: 'a closing backtick on its own line', text: '`{\n"enabled": true\n}\n`' },
  { kind: 'a quote and a numbered item', text: '`> quoted\n1. first\nlast line`' },
  { kind: 'plain lines', text: '`line one\nline two\nline three`' },
];

/** What every rendering of a value keeps: its words, in order. */
export const words = (text: string) => text.replace(/`/g, '').replace(/<br>/g, ' ').replace(/\s+/g, ' ').trim();

export type FreeColumn = 'default' | 'description' | 'example';
const COLUMN_WORDS: [FreeColumn, RegExp][] = [
  ['default', /默认|default/i],
  ['example', /示例|example|sample/i],
  ['description', /描述|description/i],
];

export interface MarkdownTable {
  /** Line index of the header line; the delimiter is the next line, rows follow. */
  header: number;
  rows: number[];
  /** Cell index of each free-text column. */
  columns: Partial<Record<FreeColumn, number>>;
  /** The same rows are an earlier table of the page already (a structure shown twice: the reader keeps the first). */
  repeated: boolean;
}

const isRow = (line: string) => line.trimStart().startsWith('|');

/** Splits a row line into its cells (without the outer pipes). */
export function lineCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
}

export const joinCells = (cells: string[]) => `|${cells.join('|')}|`;

/** The page's tables whose rows are one line each (a page with a multi-line row is a variant already). */
export function markdownTables(lines: string[]): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    if (!isRow(lines[i]) || !/^\|[\s|:-]+$/.test((lines[i + 1] ?? '').trim())) continue;
    const header = i;
    const rows: number[] = [];
    for (i += 2; i < lines.length && isRow(lines[i]); i++) rows.push(i);
    if (lines[i]?.trim()) continue; // a row over several lines: not a clean seed table
    const columns: MarkdownTable['columns'] = {};
    lineCells(lines[header]).forEach((text, c) => {
      const role = COLUMN_WORDS.find(([r, re]) => re.test(text) && columns[r] === undefined)?.[0];
      if (role) columns[role] = c;
    });
    const body = rows.map((r) => lines[r]).join('\n');
    tables.push({ header, rows, columns, repeated: seen.has(body) });
    seen.add(body);
  }
  return tables;
}

/** The page with `value` in a cell: in place of a default or sample, after a description's text. */
export function withValue(lines: string[], line: number, column: number, role: FreeColumn, value: string): string[] {
  const cells = lineCells(lines[line]);
  cells[column] = role === 'description' ? ` ${cells[column].trim()} ${value} ` : ` ${value} `;
  const out = [...lines];
  out[line] = joinCells(cells);
  return out;
}

/** The page with the table's delimiter row one cell short (`-1`) or one cell long (`+1`). */
export function withDelimiter(lines: string[], table: MarkdownTable, change: -1 | 1): string[] {
  const cells = lineCells(lines[table.header + 1]);
  const out = [...lines];
  out[table.header + 1] = joinCells(change < 0 ? cells.slice(0, -1) : [...cells, ' ---- ']);
  return out;
}

const markdown = new MarkdownIt({ html: true });

/** The fragment flavor of a Markdown page: markdown-it's HTML in the corpus's bare shell. */
export function fragment(source: string): string {
  const title = /^# (.*)$/m.exec(source)?.[1] ?? '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><main>\n${markdown.render(source)}</main></body></html>\n`;
}
