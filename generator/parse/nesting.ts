// How deep a page's markup nests, measured before it is parsed: HTML parsers check scope
// by walking the stack of open elements, so a page nested 30,000 levels deep (180 KB of
// `<div>`) takes parse5 seconds, and the recursive block readers would overflow the stack.

/** Deepest nesting read; real doc pages nest about 20 levels. */
export const MAX_NESTING = 256;

// Elements that never hold content, and those whose end tag HTML lets a writer leave out
// (`<li>a<li>b`): a start tag of one of the latter closes an open one of the same group.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const CLOSES: Record<string, string[]> = Object.assign(Object.create(null), {
  p: ['p'],
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  option: ['option'],
});
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
const TAG_NAME = /<(\/?)([A-Za-z][^\s/>]*)/y;

/**
 * Whether `html` nests elements deeper than `max`, counted as an HTML parser would keep
 * them open (implied and stray end tags included). Linear: it only searches forward, and
 * the stack it keeps never grows past `max`, so each tag costs at most `max` steps.
 */
export function nestsDeeperThan(html: string, max = MAX_NESTING): boolean {
  const open: string[] = [];
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at)) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = end + 3;
      continue;
    }
    TAG_NAME.lastIndex = at;
    const tag = TAG_NAME.exec(html);
    const end = tag ? html.indexOf('>', at) : at;
    if (end < 0) return false; // no tag closes from here on: the rest is text
    at = end + 1;
    const name = tag?.[2].toLowerCase();
    if (name === undefined || VOID.has(name)) continue;
    if (tag![1]) {
      const index = open.lastIndexOf(name);
      if (index >= 0) open.length = index;
      continue;
    }
    const closes = CLOSES[name];
    while (closes && open.length && closes.includes(open[open.length - 1])) open.pop();
    if (RAW_TEXT.has(name)) {
      // Tags inside a script or style are text.
      const rawEnd = new RegExp(`</${name}`, 'gi');
      rawEnd.lastIndex = at;
      const found = rawEnd.exec(html);
      if (!found) return false;
      at = found.index + 1;
      continue;
    }
    open.push(name);
    if (open.length > max) return true;
  }
  return false;
}
