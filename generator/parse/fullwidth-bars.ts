// Markdown table rows typed with the fullwidth bar `｜` (U+FF5C, what a CJK input method gives
// for `|`): Markdown sees no table there, and the row's fields would be lost without a word.
// Such rows are rewritten with `|` before rendering, and each is reported by its line.

const FULLWIDTH_BAR = '\uff5c';

const cellCount = (line: string, bars: RegExp) => line.trim().replace(/^[|｜]|[|｜]$/g, '').split(bars).length;

/**
 * `markdown` with fullwidth-bar table rows rewritten with `|`, and the 1-based numbers of the
 * lines rewritten. A row is one when it starts with `｜`, or when it starts with `|` and has
 * the table's column count only if `｜` counts as a separator too.
 */
export function asciiTableBars(markdown: string): { text: string; lines: number[] } {
  if (!markdown.includes(FULLWIDTH_BAR)) return { text: markdown, lines: [] };
  const lines = markdown.split('\n');
  const rewritten: number[] = [];
  let columns: number | undefined;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!/^[|｜]/.test(trimmed)) {
      columns = undefined;
      return;
    }
    // A header: the line before a `| --- |` separator sets the column count.
    if (columns === undefined && /^[|｜]?\s*:?-{3,}/.test(lines[i + 1]?.trim() ?? '')) columns = cellCount(trimmed, /[|｜]/);
    if (!trimmed.includes(FULLWIDTH_BAR)) return;
    const fullwidthRow = trimmed.startsWith(FULLWIDTH_BAR) || (columns !== undefined && cellCount(trimmed, /\|/) < columns && cellCount(trimmed, /[|｜]/) === columns);
    if (!fullwidthRow) return;
    lines[i] = line.replaceAll(FULLWIDTH_BAR, '|');
    rewritten.push(i + 1);
  });
  return { text: lines.join('\n'), lines: rewritten };
}
