import type * as MarkdownItModule from 'markdown-it';
import { createRequire } from 'node:module';
import type { PageFormat } from '../read/page-file.js';

let markdown: MarkdownItModule.MarkdownIt | undefined;

export function toHtml(text: string, format: PageFormat): string {
  if (format !== 'markdown') return text;
  // Made on the first Markdown page: a run of HTML pages never loads markdown-it (~50 ms).
  // require (its CommonJS build) keeps this synchronous, as the parse is. html: true so the
  // inline HTML the docs use (`<a id>`, `<br>`, header `<div>`s) becomes elements, exactly as
  // the doc sites render it; one HTML reader then serves both formats.
  markdown ??= new (createRequire(import.meta.url)('markdown-it') as typeof MarkdownItModule.default)({ html: true, linkify: false });
  return markdown.render(text);
}
