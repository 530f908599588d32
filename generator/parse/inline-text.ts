import type { AnyNode, Element } from 'domhandler';

/**
 * Serializes rendered inline HTML back to the Markdown-like text the docs were written in:
 * `code` → backticks, `<br>` → `<br>`, in-page links → `<a href="#X">X</a>`, other links →
 * their text, VitePress chrome (header anchors, copy buttons, language labels) dropped.
 * Cell readers work on this one text form whether a cell came from a table or from rows
 * that spilled out of one, and whether the page was HTML or Markdown.
 */
export function inlineText(nodes: AnyNode | AnyNode[]): string {
  const list = Array.isArray(nodes) ? nodes : [nodes];
  let out = '';
  for (const node of list) out += nodeText(node);
  return out;
}

function nodeText(node: AnyNode): string {
  if (node.type === 'text') return (node as { data: string }).data;
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
      return el.parent && (el.parent as Element).name === 'pre' ? plainText(el) : '`' + plainText(el) + '`';
    case 'pre':
      return '\n' + plainText(el).replace(/\n$/, '') + '\n';
    case 'a': {
      if (/\bheader-anchor\b/.test(cls)) return '';
      const href = el.attribs.href ?? '';
      const text = inlineText(el.children);
      return href.startsWith('#') ? `<a href="${href}">${text}</a>` : text;
    }
    case 'span':
      if (/\blang\b/.test(cls)) return '';
      return inlineText(el.children);
    case 'p':
    case 'div':
    case 'li':
    case 'tr':
    case 'blockquote':
      return inlineText(el.children) + '\n';
    default:
      return inlineText(el.children);
  }
}

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
