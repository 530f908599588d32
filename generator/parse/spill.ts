// Recovers table rows that a Markdown renderer let spill out of their table: a multi-line
// value ends the table early, and the remaining rows arrive as paragraphs and code blocks
// whose text still holds the row's pipes. Re-joined into the original row text, they are
// split on `|` again and regrouped by the table's column count.

const SEPARATOR_CELL = /^\s*:?-{3,}:?\s*$/;
const NAME_CELL = /^[A-Za-z_$][\w$.\-[\]]*$/;

export interface RecoveredRows {
  rows: string[][];
  /** Stretches of text that could not be read as a row (for a diagnostic). */
  skipped: string[];
}

/** Splits Markdown table text (possibly with rows broken across lines) into rows of `columns` cells. */
export function splitPipeRows(text: string, columns: number): RecoveredRows {
  const tokens = text.split(/(?<!\\)\|/).map((t) => t.replace(/\\\|/g, '|'));
  const rows: string[][] = [];
  const skipped: string[] = [];
  let i = leadingGap(tokens[0]) ? 1 : 0;
  let junk: string[] = [];
  while (i + columns <= tokens.length) {
    const cells = tokens.slice(i, i + columns);
    const gap = tokens[i + columns];
    const closes = gap === undefined || gap.trim() === '';
    // A row starts only where the previous one ended: at the text's start or after `| |`.
    const startsRow = i === 0 || tokens[i - 1].trim() === '';
    if (startsRow && closes && cells.every((c) => SEPARATOR_CELL.test(c))) {
      i += columns + 1; // the header's |---| line
    } else if (startsRow && closes && NAME_CELL.test(cells[0].trim())) {
      if (junk.length) skipped.push(junk.join('|').trim());
      junk = [];
      rows.push(cells.map((c) => c.trim()));
      i += columns + 1;
    } else {
      junk.push(tokens[i]);
      i++;
    }
  }
  junk.push(...tokens.slice(i));
  const rest = junk.join('|').replace(/^[\s|]+|[\s|]+$/g, '');
  if (rest && !/^[\s|:-]*$/.test(rest)) skipped.push(rest);
  return { rows, skipped };
}

function leadingGap(token: string | undefined): boolean {
  return token !== undefined && token.trim() === '';
}
