import type { Element } from 'domhandler';
import type { Block } from './blocks.js';
import { inlineText } from './inline-text.js';

/**
 * A block as the Markdown line(s) it was rendered from, near enough to read table rows that
 * spilled into it: text in the inline-text form, list items and headings with their markers
 * (a line of a multi-line value starting `- ` or `#` became a list or a heading).
 */
export function sourceText(block: Block): string {
  switch (block.kind) {
    case 'code':
      return `\n${block.text}\n`;
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'quote':
      return inlineText(block.el.children)
        .trim()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'table':
      return inlineText(block.el);
    case 'text':
      return listText(block.el) ?? block.text;
  }
}

function listText(el: Element): string | undefined {
  if (el.type !== 'tag' || (el.name !== 'ul' && el.name !== 'ol')) return undefined;
  const items = el.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === 'li');
  return items.map((li, i) => `${el.name === 'ol' ? `${i + 1}.` : '-'} ${inlineText(li.children).trim()}`).join('\n');
}
