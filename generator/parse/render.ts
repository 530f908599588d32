import MarkdownIt from 'markdown-it';
import type { PageFormat } from '../read/page-file.js';

// html: true so the inline HTML the docs use (`<a id>`, `<br>`, header `<div>`s) becomes
// elements, exactly as the doc sites render it; one HTML reader then serves both formats.
const markdown = new MarkdownIt({ html: true, linkify: false });

export function toHtml(text: string, format: PageFormat): string {
  return format === 'markdown' ? markdown.render(text) : text;
}
