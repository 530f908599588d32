// Splits a one-page API (Widdershins writes a whole API on one page: GitHub's is 38 MB) into
// pieces at its h1/h2 headings, so each piece is rendered and parsed alone: memory is bounded
// by the largest section, never by the page. Markdown is split outside fenced code only;
// HTML at `<h1`/`<h2` tags (inside code they are escaped).

export interface PagePiece {
  text: string;
}

/** Pieces larger than this are split again at blank lines (Markdown) or block ends (HTML): no section needs more. */
export const MAX_PIECE_CHARS = 4 * 1024 * 1024;

export function* splitPage(text: string, format: 'html' | 'markdown'): Generator<PagePiece> {
  yield* format === 'markdown' ? splitMarkdown(stripFrontMatter(text)) : splitHtml(text);
}

/** Slate's YAML front matter (title, language tabs) is no content: markdown-it would read it as a heading. */
function stripFrontMatter(text: string): string {
  if (!text.startsWith('---\n') && !text.startsWith('---\r\n')) return text;
  const end = text.search(/\r?\n---\r?\n/);
  return end < 0 ? text : text.slice(text.indexOf('\n', end + 1) + 5).replace(/^[^\n]*\n/, (m) => (m.startsWith('---') ? '' : m));
}

function* splitMarkdown(text: string): Generator<PagePiece> {
  let start = 0;
  let fence: string | undefined;
  let at = 0;
  while (at < text.length) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next + 1;
    const line = text.slice(at, Math.min(end, at + 200));
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
    } else if (fenceMark) {
      fence = fenceMark;
    } else if (at > start && (/^#{1,2}[ \t]/.test(line) || /^<h[12][\s>]/i.test(line) || at - start > MAX_PIECE_CHARS && line.trim() === '')) {
      yield { text: text.slice(start, at) };
      start = at;
    }
    at = end;
  }
  if (start < text.length) yield { text: text.slice(start) };
}

function* splitHtml(text: string): Generator<PagePiece> {
  const first = text.search(/<h1[\s>]/i);
  const body = first > 0 ? text.slice(first) : text;
  const heading = /<h[12][\s>]/gi;
  let start = 0;
  heading.lastIndex = 1;
  for (let m = heading.exec(body); m; m = heading.exec(body)) {
    yield { text: body.slice(start, m.index) };
    start = m.index;
  }
  yield { text: body.slice(start) };
}
