// A page's DOM, built by htmlparser2 (the parser cheerio also uses), with the nesting limit
// enforced while it is built: a page nested 30,000 levels deep (180 KB of `<div>`) is refused
// at its 257th open element, before the recursive block readers could overflow the stack.
//
// htmlparser2 builds the tree as the tags say; an HTML5 tree builder (parse5, browsers) also
// repairs broken markup. The repairs that decide what the page readers see are done here too
// (test/parse/dom.test.ts shows each): a table part (row, cell, section) outside a table is
// dropped, a cell outside a row gets its row, a table start tag
// outside a cell closes the open table, content that is not table content, written inside a
// table, goes before it, a heading start tag closes an open heading, and the newline after
// `<pre>` is dropped. Others (adoption of misnested inline tags, `<xmp>` and `<noscript>` as
// raw text) change no text a reader takes.
import { DomHandler, Element, Text, type AnyNode, type Document, type ParentNode } from 'domhandler';
import { Parser } from 'htmlparser2';

/** Deepest nesting read; real doc pages nest about 20 levels. */
export const MAX_NESTING = 256;

/** Thrown by pageDocument for a page whose elements nest deeper than MAX_NESTING. */
export class NestingTooDeep extends Error {
  constructor() {
    super(`markup nests deeper than ${MAX_NESTING} elements (doc pages nest about 20); not read`);
  }
}

// Elements whose first newline HTML drops (`<pre>\ncode` is the text `code`).
const DROPS_FIRST_NEWLINE = new Set(['pre', 'listing', 'textarea']);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Open elements in which only table content may be: anything else goes before the table. */
const TABLE_CONTEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
/** Where a cell may open without its row. */
const TABLE_SECTION = new Set(['table', 'tbody', 'thead', 'tfoot']);
/** The open elements a table tag is read against: the innermost decides. */
const TABLE_SCOPE = new Set(['table', 'td', 'th', 'caption']);
/** Table tags that end an open cell. */
const CLOSES_CELL = new Set(['tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup']);
const TABLE_CONTENT = new Set(['caption', 'colgroup', 'col', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'table', 'script', 'style', 'template']);
/** Start tags of table parts, ignored outside a table (`col` too, but it is void: it holds nothing). */
const TABLE_PART = new Set(['caption', 'colgroup', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);

/** The sections of a table that hold its rows. */
export const ROW_GROUP = new Set(['tbody', 'thead', 'tfoot']);

/** Tables built by pageDocument whose rows are all children of the table or of its sections (most tables: readTable need not search their cells for rows). */
const childRowTables = new WeakSet<Element>();

/**
 * Whether every row (`tr`) in `table`, at any depth, is a child of the table or of one of its
 * `tbody`/`thead`/`tfoot` children: no table within it, no row in a caption. False for tables
 * pageDocument did not build.
 */
export function rowsAreChildren(table: Element): boolean {
  return childRowTables.has(table);
}

/** The start tags repairBefore may repair. */
const REPAIRED = new Set([...HEADING, 'table', ...TABLE_PART]);

/** The parser's stack of open element names, top first (htmlparser2 keeps it so). */
type StackedParser = { stack: string[] };

class PageHandler extends DomHandler {
  private afterPre = false;
  private pageParser?: StackedParser;

  override onparserinit(parser: Parser): void {
    super.onparserinit(parser);
    this.pageParser = parser as unknown as StackedParser;
  }

  /**
   * Repairs that close or open elements before the element of start tag `name` is built, with
   * `name` on the parser's stack (it is put there before the tag's attributes are read, and
   * nothing moves it meanwhile). False: the start tag is dropped, no element is built.
   */
  private repairBefore(name: string): boolean {
    const stack = this.pageParser!.stack;
    // Void elements never go on the stack, and none of them is repaired.
    if (stack[0] !== name) return true;
    const heading = HEADING.has(name);
    const opened = stack.shift()!;
    const top = () => stack[0] ?? '';
    if (heading && HEADING.has(top())) this.closeTop(stack);
    if (!heading) {
      // The innermost open table or cell decides what a table tag means.
      let scope = stack.findIndex((open) => TABLE_SCOPE.has(open));
      if (scope < 0 && name !== 'table') return false;
      if (name !== 'table' && (stack[scope] === 'td' || stack[scope] === 'th') && CLOSES_CELL.has(name)) {
        this.closeThrough(stack, scope);
        scope = stack.findIndex((open) => TABLE_SCOPE.has(open));
      }
      if (stack[scope] === 'table') {
        if (name === 'table') {
          this.closeThrough(stack, scope);
        } else {
          // What is not table content was placed before the table; it ends here.
          while (!TABLE_CONTEXT.has(top())) this.closeTop(stack);
          if ((name === 'tr' || TABLE_SECTION.has(name)) && top() === 'tr') this.closeTop(stack);
          if (TABLE_SECTION.has(name) && top() !== 'table') this.closeTop(stack);
          if ((name === 'td' || name === 'th') && TABLE_SECTION.has(top())) {
            stack.unshift('tr');
            super.onopentag('tr', {});
            this.noteTablePart(this.current() as Element);
          }
        }
      }
    }
    stack.unshift(opened);
    return true;
  }

  private closeThrough(stack: string[], index: number): void {
    for (let i = 0; i <= index; i++) this.closeTop(stack);
  }

  private closeTop(stack: string[]): void {
    this.onclosetag(stack.shift()!);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    // Only headings and table tags are repaired: most tags are neither (one lookup).
    if (REPAIRED.has(name) && !this.repairBefore(name)) return;
    super.onopentag(name, attribs);
    // tagStack holds the document too.
    if (this.tagStack.length > MAX_NESTING + 1) throw new NestingTooDeep();
    if (name === 'table' || name === 'tr') this.noteTablePart(this.current() as Element);
    this.afterPre = DROPS_FIRST_NEWLINE.has(name);
  }

  override onclosetag(_name?: string): void {
    this.afterPre = false;
    super.onclosetag();
  }

  override ontext(data: string): void {
    if (this.afterPre) {
      this.afterPre = false;
      if (data.startsWith('\n')) data = data.slice(1);
      if (!data) return;
    }
    // Text written in a table but outside its cells goes before the table: a node of its own,
    // not added to the whitespace before it, which stays.
    if (this.lastNode?.parent === this.current() && this.fosterTable(this.current(), new Text(data))) this.lastNode = null;
    super.ontext(data);
  }

  override addNode(node: AnyNode): void {
    const table = this.fosterTable(this.current(), node);
    if (!table?.parent) return super.addNode(node);
    // Foster parenting: the node goes right before the table, in the table's parent.
    const parent = table.parent;
    const index = parent.children.indexOf(table);
    const prev = parent.children[index - 1] ?? null;
    parent.children.splice(index, 0, node);
    node.parent = parent;
    node.prev = prev;
    node.next = table;
    if (prev) prev.next = node;
    table.prev = node;
  }

  /** Called once a table or a row is built and placed: keeps childRowTables true to what each table holds. */
  private noteTablePart(el: Element): void {
    const parent = el.parent;
    const inTable = (node: ParentNode | null) => node instanceof Element && node.name === 'table';
    const placed = el.name === 'table' ? !this.tagStack.some((open) => open !== el && inTable(open)) : inTable(parent) || (parent instanceof Element && ROW_GROUP.has(parent.name) && inTable(parent.parent));
    // A table in a table, or a row elsewhere than in its table or one of its sections: every open table holds it.
    if (!placed) for (const open of this.tagStack) if (open !== el && inTable(open)) childRowTables.delete(open as Element);
    if (el.name === 'table') childRowTables.add(el);
  }

  private current(): ParentNode {
    return this.tagStack[this.tagStack.length - 1];
  }

  /** The open table `node` must go before, if the current element is table context and `node` is not table content. */
  private fosterTable(parent: AnyNode, node?: AnyNode): Element | undefined {
    if (!(parent instanceof Element) || !TABLE_CONTEXT.has(parent.name)) return undefined;
    if (node instanceof Element && TABLE_CONTENT.has(node.name)) return undefined;
    if (node instanceof Text && !/\S/.test(node.data)) return undefined;
    if (node && !(node instanceof Element) && !(node instanceof Text)) return undefined;
    for (let i = this.tagStack.length - 1; i > 0; i--) {
      const open = this.tagStack[i];
      if (open instanceof Element && open.name === 'table') return open;
    }
    return undefined;
  }
}

/**
 * The page's DOM (domhandler nodes, what cheerio wraps). Line breaks are normalized first,
 * as HTML parsers do with their input stream. Throws NestingTooDeep.
 */
export function pageDocument(html: string): Document {
  const handler = new PageHandler();
  const parser = new Parser(handler);
  parser.end(html.includes('\r') ? html.replace(/\r\n?/g, '\n') : html);
  return handler.root;
}
