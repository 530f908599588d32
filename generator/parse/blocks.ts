import type { Cheerio } from 'cheerio';
// cheerio's slim build: the same API without the loaders (undici, parse5 streams) that the
// full build pulls in at start-up; pages are parsed by htmlparser2 (dom.ts).
import { load } from 'cheerio/slim';
import type { AnyNode, Document, Element } from 'domhandler';
import { findOne } from 'domutils';
import { pageDocument } from './dom.js';
import { inlineText, plainText } from './inline-text.js';

/** One top-level piece of a page's content, in document order. */
export type Block =
  | { kind: 'heading'; level: number; text: string; anchor?: string; el: Element }
  | { kind: 'table'; el: Element }
  | { kind: 'code'; lang: string; text: string; el: Element }
  | { kind: 'quote'; el: Element }
  | { kind: 'aside'; text: string; el: Element }
  | { kind: 'text'; text: string; el: Element };

/**
 * Finds the page's content (the parent of its first `h1`, else of its first `h2`, else the
 * body) and flattens it into blocks. Site chrome (nav, sidebar, footer) lies outside that
 * parent, so it never reaches the section readers. Throws NestingTooDeep (dom.ts).
 */
export function pageBlocks(html: string, options: { asides?: boolean } = {}): Block[] {
  const $ = cheerioOf(html);
  const anchor = leadingH1($.get(0)!) ?? $.find('h1:first').get(0) ?? $.find('h2:first').get(0);
  const root = anchor?.parent ?? $.find('body').get(0) ?? $.get(0)!;
  const blocks: Block[] = [];
  collect(root.children, blocks, options.asides ?? false);
  return blocks;
}

/** An `<h1>` start tag in a page's text. */
export const H1_TAG = /<h1[\s>]/i;

/**
 * The page from its first `<h1>` on. Everything before it is chrome (head, nav bar, sidebar:
 * half of a VitePress page's bytes) that the content readers never look at, so the parser need
 * not build it. The end tags of wrappers cut off here are ignored by the parser, and the h1
 * then sits at the top with the content that follows it.
 */
export function fromFirstH1(html: string): string {
  const start = html.search(H1_TAG);
  return start > 0 ? html.slice(start) : html;
}

/**
 * The page's first node when it is an `h1`: then it is the first `h1` in document order, and
 * no query need walk the page for it. That is the usual case, the page being read from its
 * first `<h1>` on (fromFirstH1).
 */
function leadingH1(doc: Document): Element | undefined {
  const first = doc.children[0];
  return first?.type === 'tag' && (first as Element).name === 'h1' ? (first as Element) : undefined;
}

// One cheerio for all pages: cheerio.load builds a new cheerio class per call, which made
// reading a page 2.5 times slower, most of it in garbage collection.
const $shared = load('');

/** The page as cheerio reads it: its htmlparser2 DOM. */
function cheerioOf(html: string): Cheerio<Document> {
  return $shared(pageDocument(html));
}

/** asides: keep `<aside>` as blocks (Widdershins says there which operations need authentication); otherwise chrome. */
function collect(nodes: AnyNode[], out: Block[], asides: boolean): void {
  for (const node of nodes) {
    if (node.type !== 'tag') {
      if (node.type === 'text') pushText(node as unknown as { data: string }, out);
      continue;
    }
    const el = node as Element;
    const heading = /^h([1-6])$/.exec(el.name);
    if (heading) {
      const id = findOne((e) => e.name === 'a' && e.attribs.id !== undefined, el.children)?.attribs.id;
      out.push({ kind: 'heading', level: Number(heading[1]), text: plainText(el.children).trim(), anchor: id, el });
    } else if (el.name === 'table') {
      out.push({ kind: 'table', el });
    } else if (el.name === 'pre' || isCodeContainer(el)) {
      out.push({ kind: 'code', lang: codeLanguage(el), text: plainText(preOf(el)).replace(/\n$/, ''), el });
    } else if (el.name === 'blockquote') {
      out.push({ kind: 'quote', el });
    } else if (el.name === 'aside' && asides) {
      out.push({ kind: 'aside', text: inlineText(el), el });
    } else if (el.name === 'nav' || el.name === 'aside' || el.name === 'footer' || el.name === 'header') {
      continue;
    } else if (hasBlockChild(el)) {
      // Wrappers, and custom tags such as `<LastUpdated />` that HTML parsers leave open
      // around the rest of the page.
      collect(el.children, out, asides);
    } else {
      const text = inlineText(el);
      if (text.trim()) out.push({ kind: 'text', text, el });
    }
  }
}

function pushText(node: { data: string }, out: Block[]): void {
  // Stray text between blocks (a custom tag markdown-it left open, say) still counts:
  // spilled table rows can end up there.
  if (node.data.trim()) out.push({ kind: 'text', text: node.data, el: node as unknown as Element });
}

function isCodeContainer(el: Element): boolean {
  return el.name === 'div' && /\blanguage-/.test(el.attribs.class ?? '') && preOf(el) !== el;
}

function preOf(el: Element): Element {
  if (el.name === 'pre') return el;
  return findOne((e) => e.name === 'pre', el.children) ?? el;
}

function codeLanguage(el: Element): string {
  const code = findOne((e) => e.name === 'code', el.children);
  const classes = `${el.attribs.class ?? ''} ${code?.attribs.class ?? ''}`;
  return /\blanguage-([\w-]+)/.exec(classes)?.[1] ?? '';
}

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => c.type === 'tag' && /^(h[1-6]|table|p|pre|div|blockquote|ul|ol|section)$/.test((c as Element).name));
}
