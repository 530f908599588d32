// Recovers the rows of a table that a multi-line cell broke. A value over several lines (a code
// span or an example, in any cell of any row) is no Markdown table syntax: markdown-it gives
// each of its lines a table row of its own (the first cell filled; on the value's last line the
// cells after it follow), and a line a table cannot hold (blank, indented four spaces, a list
// item, a heading) ends the table, so the rows after it arrive as paragraphs and code blocks
// whose text still holds their pipes. Both are joined back into the rows' Markdown text, which
// is split on `|` again (not inside a multi-line code span) and regrouped by the column count.

const SEPARATOR_CELL = /^\s*:?-{3,}:?\s*$/;
const NAME_CELL = /^[A-Za-z_$][\w$.\-[\]]*$/;
/** A row starting inside text (after a line break, or after `| ` where a break was flattened). */
const ROW_START = /(?:\n\s*|\|\s+)\|\s*`?[A-Za-z_$][\w$.\-[\]]*`?\s*\|/;

export interface RecoveredRows {
  rows: string[][];
  /** Stretches of text that could not be read as a row (for a diagnostic). */
  skipped: string[];
}

/** Counted by indexOf, not by match(): this runs on every cell of every table, and match() builds an array per call. */
function backticks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('`'); at >= 0; at = text.indexOf('`', at + 1)) count++;
  return count;
}
const isOdd = (cell: string | undefined) => backticks(cell ?? '') % 2 === 1;

/** The cell a row's next line continues: the one with an open code span, else its last non-empty one. */
function cutCell(row: string[]): number {
  const open = row.findIndex(isOdd);
  if (open >= 0) return open;
  for (let i = row.length - 1; i > 0; i--) if (row[i].trim() !== '') return i;
  return 0;
}

/** The cells a line really had: the renderer pads short lines with empty cells. */
function written(cells: string[]): string[] {
  let end = cells.length;
  while (end > 1 && cells[end - 1].trim() === '') end--;
  return end ? cells.slice(0, end) : [''];
}

/** A row being joined: its cells, the cell its next line continues, whether a code span is open there. */
interface OpenRow {
  cells: string[];
  cut: number;
  open: boolean;
}

function openRow(cells: string[]): OpenRow {
  const cut = cutCell(cells);
  return { cells, cut, open: isOdd(cells[cut]) };
}

/**
 * Whether a rendered row is the next line of `row`'s multi-line cell: the cell holds an open
 * code span that closes later (`tickLater`), or the line filled only its first cell.
 */
function continues(row: OpenRow, cells: string[], tickLater: boolean): boolean {
  if (row.open && tickLater) return true;
  return cells.length >= 3 && cells[0].trim() !== '' && written(cells).length === 1;
}

/** Appends a line to the row's cut cell; the cells after it on the line follow. Parity is kept, not recounted: a cell can grow long. */
function join(row: OpenRow, cells: string[]): void {
  const [first, ...rest] = written(cells);
  const k = row.cut;
  row.cells.length = k + 1;
  row.cells[k] = `${row.cells[k] ?? ''}\n${first}`;
  if (isOdd(first)) row.open = !row.open;
  // Pipes inside a code span that is still open are its text.
  while (rest.length && row.open) {
    const next = rest.shift()!;
    row.cells[k] += ` | ${next}`;
    if (isOdd(next)) row.open = !row.open;
  }
  if (!rest.length) return;
  row.cells.push(...rest);
  const odd = rest.findIndex(isOdd);
  row.cut = k + 1 + (odd >= 0 ? odd : rest.length - 1);
  row.open = odd >= 0;
}

const escapePipes = (cell: string) => cell.replace(/\|/g, '\\|');

function rowLine(row: string[], columns: number): string {
  const cells = row.length > columns ? [...row.slice(0, columns - 1), row.slice(columns - 1).join(' | ')] : row;
  while (cells.length < columns) cells.push('');
  return `| ${cells.map(escapePipes).join(' | ')} |`;
}

/** ticks[i]: whether rows i.. or the text after them hold a backtick (an open span can close). */
function ticksFrom(rows: string[][], after: string): boolean[] {
  const ticks = new Array<boolean>(rows.length + 1);
  ticks[rows.length] = after.includes('`');
  for (let i = rows.length - 1; i >= 0; i--) ticks[i] = ticks[i + 1] || rows[i].some((c) => c.includes('`'));
  return ticks;
}

/** The rendered rows with every line of a multi-line cell joined to the row it belongs to. */
function joinedRows(rendered: string[][], ticks: boolean[]): string[][] {
  const rows: OpenRow[] = [];
  rendered.forEach((cells, i) => {
    const row = rows.at(-1);
    if (row && continues(row, cells, ticks[i])) join(row, cells);
    else rows.push(openRow([...cells]));
  });
  return rows.map((row) => row.cells);
}

/**
 * How a rendered table's rows break: whether it ends inside a code span of its last row (the
 * value goes on after the table), and whether a row is the next line of a multi-line cell (the
 * rows need re-joining). The first joins the rows as if any later line could close an open
 * span; a row that joins by the real backticks joins so too, so where none joins (most tables)
 * no row is broken, and the second join is saved.
 */
export function tableBreaks(rendered: string[][]): { endsInOpenSpan: boolean; hasBrokenRows: boolean } {
  const eager = joinedRows(rendered, rendered.map(() => true));
  const last = eager.at(-1);
  return {
    endsInOpenSpan: last !== undefined && isOdd(last[cutCell(last)]),
    hasBrokenRows: eager.length < rendered.length && joinedRows(rendered, ticksFrom(rendered, '')).length < rendered.length,
  };
}

/**
 * The Markdown text of a rendered table's rows with the lines of multi-line cells joined back
 * into their rows, followed by `after` (the text of the blocks that spilled out of the table),
 * which goes on with the last row's cell when it does not start a row of its own.
 */
export function rowsText(rendered: string[][], columns: number, after: string): string {
  const rows = joinedRows(rendered, ticksFrom(rendered, after));
  const last = rows.at(-1);
  const cutLast = last !== undefined && after.trim() !== '' && ((isOdd(last[cutCell(last)]) && after.includes('`')) || !after.trimStart().startsWith('|'));
  const lines = rows.map((row, i) => (i === rows.length - 1 && cutLast ? `| ${row.slice(0, cutCell(row) + 1).map(escapePipes).join(' | ')}` : rowLine(row, columns)));
  if (after.trim()) lines.push(after);
  return lines.join('\n');
}

/**
 * Splits text on unescaped `|`, except inside a code span that runs over several lines (the
 * multi-line value itself); a span that would swallow the start of another row is no span.
 * Linear: closing backtick runs, line breaks and row starts are looked up, not searched for.
 */
export function splitCells(text: string): string[] {
  const closers = closingRuns(text);
  const nextBreak = nextIndex(text, /\n/g);
  const nextRow = nextIndex(text, new RegExp(ROW_START.source, 'g'));
  const tokens: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '|') {
      cell += '|';
      i += 2;
    } else if (ch === '|') {
      tokens.push(cell);
      cell = '';
      i++;
    } else if (ch === '`') {
      const { run, close } = closers.get(i)!;
      if (close >= 0 && nextBreak(i) < close && nextRow(i) >= close) {
        cell += text.slice(i, close + run).replace(/\\\|/g, '|');
        i = close + run;
      } else {
        cell += text.slice(i, i + run);
        i += run;
      }
    } else {
      cell += ch;
      i++;
    }
  }
  tokens.push(cell);
  return tokens;
}

/** For each backtick run (by start): its length and the start of the next run of that length (-1: none). */
function closingRuns(text: string): Map<number, { run: number; close: number }> {
  // Pushed, not mapped: see cellTexts in table.ts (holey arrays from optimized Array#map).
  const runs: { at: number; run: number }[] = [];
  for (const m of text.matchAll(/`+/g)) runs.push({ at: m.index, run: m[0].length });
  const result = new Map<number, { run: number; close: number }>();
  const nextOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const { at, run } = runs[k];
    result.set(at, { run, close: nextOfLength.get(run) ?? -1 });
    nextOfLength.set(run, at);
  }
  return result;
}

/** A lookup of the first match of `re` (global) starting at or after a position (Infinity: none). */
function nextIndex(text: string, re: RegExp): (from: number) => number {
  const starts: number[] = [];
  for (const m of text.matchAll(re)) starts.push(m.index);
  return (from) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length ? starts[lo] : Infinity;
  };
}

const isGap = (token: string | undefined) => token !== undefined && /^[\s`]*$/.test(token);
/** A gap that holds a line break: the row before it ended there, however many cells it had. */
const isLineEnd = (token: string) => /^\s*$/.test(token) && token.includes('\n');

/** A multi-line cell's lines trimmed, blank ones dropped: what every rendering of it keeps. */
function cellText(token: string): string {
  const text = token.trim();
  if (!text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** Splits Markdown table text (possibly with rows broken across lines) into rows of `columns` cells. */
export function splitPipeRows(text: string, columns: number): RecoveredRows {
  const tokens = splitCells(text);
  const rows: string[][] = [];
  const skipped: string[] = [];
  let junk: string[] = [];
  const keepJunk = () => {
    const rest = junk.join('|').replace(/^[\s|]+|[\s|]+$/g, '');
    if (rest && !/^[\s|:`-]*$/.test(rest)) skipped.push(rest);
    junk = [];
  };
  let i = isGap(tokens[0]) ? 1 : 0;
  while (i < tokens.length) {
    const cells: string[] = [];
    let j = i;
    for (; j < tokens.length && cells.length < columns; j++) {
      if (cells.length > 0 && isLineEnd(tokens[j])) break; // a row shorter than the header
      cells.push(tokens[j]);
    }
    // A row starts only where the previous one ended (at the start, or after `| |`) and ends
    // with its line (the text's end, or a gap before the next row's `|`).
    const startsRow = i === 0 || isGap(tokens[i - 1]);
    const closes = j >= tokens.length || isGap(tokens[j]);
    if (startsRow && closes && cells.length === columns && cells.every((c) => SEPARATOR_CELL.test(c))) {
      i = j + 1; // the header's |---| line
    } else if (startsRow && closes && NAME_CELL.test(cells[0].replace(/`/g, '').trim())) {
      keepJunk();
      while (cells.length < columns) cells.push('');
      rows.push(cells.map(cellText));
      i = j + 1;
    } else {
      junk.push(tokens[i]);
      i++;
    }
  }
  keepJunk();
  return { rows, skipped };
}
