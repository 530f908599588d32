import type { Element } from 'domhandler';
import type { Block } from './blocks.js';
import { inlineText, type InlineOptions } from './inline-text.js';

const LINE_TAGS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The source text of consecutive blocks. A `<div>` in a paragraph (the docs' header cells hold
 * one) ends the paragraph for an HTML parser, so one line of pipe text can arrive as several
 * blocks: the torn-off `<div>`, and the stray text, code and `<br>` after it, join their
 * neighbours on one line; paragraphs, lists and the like start lines of their own.
 */
export function blocksText(blocks: Block[], flipped: boolean[]): string {
  let out = '';
  blocks.forEach((block, i) => {
    const torn = block.kind === 'text' && ((block.el as { type: string }).type === 'text' || !LINE_TAGS.has(block.el.name));
    out += (i === 0 || torn ? '' : '\n') + sourceText(block, { flipped: flipped[i] }).replace(/\n$/, '');
  });
  return out;
}

/**
 * A block as the Markdown line(s) it was rendered from, near enough to read table rows that
 * spilled into it: text in the inline-text form, list items and headings with their markers
 * (a line of a multi-line value starting `- ` or `#` became a list or a heading).
 */
export function sourceText(block: Block, options: InlineOptions = {}): string {
  switch (block.kind) {
    case 'code':
      return `\n${block.text}\n`;
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'quote':
      return inlineText(block.el.children, options)
        .trim()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'table':
      return inlineText(block.el, options);
    case 'aside':
      return block.text;
    case 'text':
      return listText(block.el, options) ?? ((block.el as { type: string }).type === 'tag' ? inlineText(block.el, options) : block.text);
  }
}

function listText(el: Element, options: InlineOptions): string | undefined {
  if (el.type !== 'tag' || (el.name !== 'ul' && el.name !== 'ol')) return undefined;
  const items = el.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === 'li');
  return items.map((li) => `${el.name === 'ol' ? `${el.attribs.start ?? 1}.` : '-'} ${inlineText(li.children, options).trim()}`).join('\n');
}
