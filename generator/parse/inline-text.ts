import type { AnyNode, Element } from 'domhandler';

/**
 * Serializes rendered inline HTML back to the Markdown-like text the docs were written in:
 * `code` → backticks, `<br>` → `<br>`, in-page links → `<a href="#X">X</a>`, other links →
 * their text, VitePress chrome (header anchors, copy buttons, language labels) dropped.
 * Cell readers work on this one text form whether a cell came from a table or from rows
 * that spilled out of one, and whether the page was HTML or Markdown.
 */
export function inlineText(nodes: AnyNode | AnyNode[], options: InlineOptions = {}): string {
  const list = Array.isArray(nodes) ? nodes : [nodes];
  let out = '';
  for (const node of list) out += nodeText(node, options);
  return out;
}

export interface InlineOptions {
  /**
   * Text that began inside a code span left open by a multi-line cell: the renderer paired its
   * backticks the wrong way round, so each `<code>` holds the text between two real spans, from
   * which it stripped a space on either side (it does so when both ends are spaces). Text
   * between two cells (` | `) had those spaces: they are given back. (Elsewhere it cannot be
   * told: `a` 和 `b` and `a`和`b` render alike.) Set (true or false) for text that spilled out
   * of a table; it turns at each backtick the renderer left as text.
   */
  flipped?: boolean;
}

function codeText(el: Element, options: InlineOptions): string {
  if (!options.flipped) return '`' + plainText(el) + '`';
  // Markdown outside code on the page: its emphasis is emphasis, not text.
  const text = plainText(el).replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2');
  if (/^\s|\s$/.test(text) || !text.includes('|')) return '`' + text + '`';
  return '` ' + text + ' `';
}

function nodeText(node: AnyNode, options: InlineOptions): string {
  if (node.type === 'text') {
    const { data } = node as { data: string };
    // A backtick left as text is one the renderer found no partner for: from there on, its
    // pairing is the page's own again (or wrong again).
    if (options.flipped !== undefined && (data.match(/`/g) ?? []).length % 2 === 1) options.flipped = !options.flipped;
    return data;
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return '';
  const el = node as Element;
  const cls = el.attribs.class ?? '';
  switch (el.name) {
    case 'script':
    case 'style':
    case 'button':
      return '';
    case 'br':
      return '<br>';
    case 'code':
      return el.parent && (el.parent as Element).name === 'pre' ? plainText(el) : codeText(el, options);
    case 'pre':
      return '\n' + plainText(el).replace(/\n$/, '') + '\n';
    case 'a': {
      if (/\bheader-anchor\b/.test(cls)) return '';
      const href = el.attribs.href ?? '';
      const text = inlineText(el.children, options);
      return href.startsWith('#') ? `<a href="${href}">${text}</a>` : text;
    }
    case 'span':
      if (/\blang\b/.test(cls)) return '';
      return inlineText(el.children, options);
    case 'p':
    case 'div':
    case 'li':
    case 'tr':
    case 'blockquote':
      return inlineText(el.children, options) + '\n';
    case 'strong':
    case 'em': {
      // Code on the page: the markers were its text.
      const marker = options.flipped ? (el.name === 'strong' ? '**' : '*') : '';
      return marker + inlineText(el.children, options) + marker;
    }
    default:
      // `<name>` text the wrong pairing left outside code became an element: given back as
      // text (HTML keeps no case: `<extIdpId>` comes back as `<extidpid>`).
      if (options.flipped && !HTML_TAGS.has(el.name)) return `<${el.name}>${inlineText(el.children, options)}`;
      return inlineText(el.children, options);
  }
}

const HTML_TAGS = new Set(
  'abbr b bdi bdo big cite data del dfn font i img ins kbd label mark q s samp small strike sub sup time tt u var wbr ul ol li table tr td th thead tbody h1 h2 h3 h4 h5 h6 hr section article main nav header footer aside figure img svg input'.split(' '),
);

/** Text content with no markup at all (code blocks, headings). */
export function plainText(node: AnyNode | AnyNode[]): string {
  const list = Array.isArray(node) ? node : [node];
  let out = '';
  for (const n of list) {
    if (n.type === 'text') out += (n as { data: string }).data;
    else if (n.type === 'tag') {
      const el = n as Element;
      if (el.name === 'button' || (el.name === 'a' && /\bheader-anchor\b/.test(el.attribs.class ?? ''))) continue;
      if (el.name === 'span' && /\blang\b/.test(el.attribs.class ?? '')) continue;
      out += el.name === 'br' ? '\n' : plainText(el.children);
    }
  }
  return out;
}
