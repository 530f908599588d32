import type { Diagnostic, Field, InferredFact, Operation, Provenance, SecurityScheme, Structure } from '../model/types.js';
import { pageFormat, WHOLE_API_PAGE_BYTES, type PageFile } from '../read/page-file.js';
import { detectProfile, profileByBytes, profileNamed } from './profiles/index.js';
import { PROFILE_NAMES } from './profiles/names.js';
import type { PageInput, PageProfile } from './profiles/profile.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { fromFirstH1, H1_TAG, pageBlocks, type Block } from './blocks.js';
import { isStructureName } from './links.js';
import { readFieldRows, type FieldTableKind } from './field-rows.js';
import { camelCase, pageStem, readMethodLine } from './names.js';
import { toHtml } from './render.js';
import { rowsText, splitPipeRows, tableBreaks } from './spill.js';
import { blocksText, sourceText } from './source-text.js';
import { columnRoles, isHeaderRow, readTable, type TableRows } from './table.js';
import { fencedCode, readDescription } from './cells.js';
import { decodeFrom, decodePage, isCleanUtf8 } from './decode.js';
import { asciiTableBars } from './fullwidth-bars.js';
import { checkFieldNames } from './name-checks.js';
import { NestingTooDeep } from './dom.js';
import { inferResponseItems } from '../model/infer.js';

/** An operation as one page shows it; the HTTP verb, path and parameter locations come later (model/infer.ts) unless the page shows them. */
export type PageOperation = Omit<Operation, 'http' | 'client'> & {
  /** Undefined when the page has no Method name section (the build stage infers it). */
  client?: string;
  /** Set when the page shows the verb and path (Widdershins); parameters then carry their `in`. */
  http?: Operation['http'];
};

export interface PageResult {
  file: string;
  operation?: PageOperation;
  /** A page that documents many operations (a whole API on one page). */
  operations?: PageOperation[];
  /** Base URLs the page names. */
  servers?: string[];
  securitySchemes?: Record<string, SecurityScheme>;
  /** Structures as this page defines them (merged across pages by model/build.ts). */
  structures: Structure[];
  diagnostics: Diagnostic[];
}

// `Type: \`X\`` / `类型： \`X\``, also with the name as a link (real or mangled).
const TYPE_LINE = /^[^`<\n]{0,40}[:：]\s*(?:`([A-Za-z_$][\w$]*)`|<a href="#[^"]*">`?([A-Za-z_$][\w$]*)`?<\/a>|<a ([A-Za-z_$][\w$]*))\s*[.。]?$/;
const INCLUDE_LINE = /^!!!include\((.*)\)!!!$/;
const DELIMITER_CELL = /^:?-+:?$/;

export interface ParseOptions {
  /** Read every page with this profile (`--profile`, config `profile`) instead of detecting one per page. */
  profile?: string;
}

/** Reads one page into its operations and the structures it defines, by the profile its structure shows. Never throws on bad input. */
export function parsePage(page: PageFile): PageResult {
  return parsePageWith(page, {});
}

/** parsePage with options: a profile named by the user. */
export function parsePageWith(page: PageFile, options: ParseOptions): PageResult {
  const file = page.rel;
  const tooLarge = () => {
    const { size, limit } = page.oversize!;
    return failed(file, 'page.too-large', `${size} bytes, over the page size limit of ${limit} bytes (maxPageBytes in docsdk.config.json); not read`);
  };
  if (page.unreadable) return failed(file, 'page.unreadable', page.unreadable);
  const bytes = page.oversize ? wholeApiPage(page) : page.bytes;
  if (!bytes) return tooLarge();
  const fromH1 = page.oversize ? undefined : readFromFirstH1(file, bytes, options);
  if (fromH1) return fromH1.profile.read(fromH1.input);
  const decoded = decodePage(bytes);
  if ('problem' in decoded) return page.oversize ? tooLarge() : failed(file, 'page.unreadable', decoded.problem);
  const input: PageInput = { file, text: decoded.text, format: pageFormat(file) };
  const chosen = options.profile === undefined ? detectProfile(input) : profileNamed(options.profile);
  if (!chosen) return failed(file, 'page.profile', `unknown page profile "${options.profile}" (known: ${PROFILE_NAMES.join(', ')})`);
  // Over the general limit, only a profile that reads whole-API pages piece by piece takes the page.
  if (page.oversize && (chosen.maxPageBytes === undefined || page.oversize.size > chosen.maxPageBytes)) return tooLarge();
  const result = chosen.read(input);
  if (decoded.warning) result.diagnostics.unshift({ severity: 'warning', code: 'page.encoding', message: decoded.warning, file, section: 'page' });
  return result;
}

/**
 * A UTF-8 HTML page read by a profile that reads it from its first `<h1>` on (GenAuth's:
 * the one the page's bytes tell, or the one the user named), decoded from there only: the
 * chrome before it is half of a page's bytes. What that profile is given is the part of the
 * text it reads, the same as from the whole text (the first `<h1>` is in the part decoded,
 * and no `<h1` is before it). Undefined where the page is decoded whole: a page decodePage
 * warns about or refuses, one the text must tell the profile of, or one without `<h1>`.
 */
export function readFromFirstH1(file: string, page: Uint8Array, options: ParseOptions): { profile: PageProfile; input: PageInput } | undefined {
  if (pageFormat(file) !== 'html') return undefined;
  // A Buffer over the same memory: a parse worker is given the bytes as a plain Uint8Array.
  const bytes = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  const start = firstH1Byte(bytes);
  if (start < 0 || !isCleanUtf8(bytes)) return undefined;
  const profile = options.profile === undefined ? profileByBytes(bytes) : profileNamed(options.profile);
  if (!profile?.readsHtmlFromFirstH1) return undefined;
  const text = decodeFrom(bytes, start);
  return text !== undefined && H1_TAG.test(text) ? { profile, input: { file, text, format: 'html' } } : undefined;
}

/** Where the first `<h1` or `<H1` starts (-1: nowhere): no `<h1>` start tag is before it. */
function firstH1Byte(bytes: Buffer): number {
  const lower = bytes.indexOf('<h1');
  const upper = bytes.subarray(0, lower < 0 ? bytes.length : lower).indexOf('<H1');
  return upper >= 0 ? upper : lower;
}

/** How much of an oversize page is read to tell whether a whole-API profile takes it. */
const SNIFF_BYTES = 1024 * 1024;

/**
 * The bytes of a page over `maxPageBytes` that a whole-API profile (Widdershins) reads: its first
 * MiB must show that profile's structure, and the page must be within WHOLE_API_PAGE_BYTES,
 * counted as it is read. The read stage left such pages unread; anything else stays unread.
 */
function wholeApiPage(page: PageFile): Buffer | undefined {
  if (!page.oversize || page.oversize.size > WHOLE_API_PAGE_BYTES) return undefined;
  const head = readAtMost(page.abs, SNIFF_BYTES);
  const text = head && decodePage(head);
  if (!text || 'problem' in text) return undefined;
  const profile = detectProfile({ file: page.rel, text: text.text, format: pageFormat(page.rel) });
  if (profile.maxPageBytes === undefined) return undefined;
  const all = readAtMost(page.abs, profile.maxPageBytes + 1);
  return all && all.length <= profile.maxPageBytes ? all : undefined;
}

/** Up to `limit` bytes of a file (fewer when it is shorter); undefined when it cannot be read. */
function readAtMost(file: string, limit: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit - total));
      if (chunk.length === 0) break;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The GenAuth profile's reader: the page rendered to HTML, then walked block by block. */
export function readGenAuthPage({ file, text, format }: PageInput): PageResult {
  const bars = format === 'markdown' ? asciiTableBars(text) : { text, lines: [] };
  const html = fromFirstH1(toHtml(bars.text, format));
  let blocks: Block[];
  try {
    blocks = pageBlocks(html);
  } catch (error) {
    if (error instanceof NestingTooDeep) return failed(file, 'page.too-deep', error.message);
    throw error;
  }
  const result = new PageReader(file, blocks).read();
  if (bars.lines.length) {
    const many = bars.lines.length > 1;
    const message = `${many ? 'table rows on lines' : 'a table row on line'} ${bars.lines.join(', ')} ${many ? 'are' : 'is'} written with fullwidth ｜ separators; read as |`;
    result.diagnostics.unshift({ severity: 'warning', code: 'table.fullwidth-bars', message, file, section: 'page' });
  }
  return result;
}

export function failed(file: string, code: string, message: string): PageResult {
  return { file, structures: [], diagnostics: [{ severity: 'error', code, message, file }] };
}

/** Walks a page's blocks once, tracking which section each block belongs to. */
class PageReader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly structures: Structure[] = [];
  private summary = '';
  private readonly descriptionParts: string[] = [];
  private method?: { client: string; rawName: string };
  private params?: Field[];
  /** The parameter table has a required column, as every API reference's does (a plain name/type table is no parameter table). */
  private paramsShowRequired = false;
  private response?: string;
  private responseFields?: Field[];
  private responseExample?: string;
  /** The `Type: X` name seen in the current h2 section, waiting for its table. */
  private pendingType?: string;
  private structure?: { name: string; source: Provenance; hasTable: boolean };
  /** A sub-heading that names no structure (an example, say): its tables are not fields. */
  private otherHeading?: string;
  private seenH2 = false;
  /** Index of the block that opened the current h1/h2 section. */
  private sectionStart = -1;

  constructor(
    private readonly file: string,
    private readonly blocks: Block[],
  ) {}

  read(): PageResult {
    for (let i = 0; i < this.blocks.length; i++) i = this.visit(i);
    this.closeStructure();
    return this.result();
  }

  /** Handles block i; returns the index of the last block it consumed. */
  private visit(i: number): number {
    const block = this.blocks[i];
    switch (block.kind) {
      case 'heading':
        if (block.level <= 2) this.sectionStart = i;
        this.heading(block);
        return i;
      case 'table':
        return this.table(i);
      case 'code':
        return this.code(block.text, i, block.lang);
      case 'text':
        return this.text(i, block.text);
      case 'quote':
      case 'aside':
        return i;
    }
  }

  private heading(block: Extract<Block, { kind: 'heading' }>): void {
    if (block.level === 1 && !this.summary) {
      this.summary = block.text;
      return;
    }
    this.otherHeading = undefined;
    if (block.level <= 2) {
      this.closeStructure();
      this.seenH2 = true;
      this.pendingType = undefined;
      return;
    }
    if (block.level >= 3) {
      this.closeStructure();
      const name = structureName(block);
      if (name) this.structure = { name, source: { file: this.file, section: `structure:${name}` }, hasTable: false };
      else this.otherHeading = block.text;
    }
  }

  /**
   * Whether block i is the first of its h2 section, where a method line stands (the section
   * holds only it). Elsewhere `vec.len()` in code is prose, as on other sites' pages.
   */
  private opensSection(i: number): boolean {
    return this.seenH2 && i === this.sectionStart + 1;
  }

  /** A method line: the page's method, or a second one, which is reported and not used. */
  private methodLine(method: { client: string; rawName: string }): void {
    if (!this.method) {
      this.method = method;
      return;
    }
    const named = (m: { client: string; rawName: string }) => `${m.client}.${m.rawName}`;
    if (named(method) !== named(this.method)) this.warn('page.method-twice', 'method', `a second method name, ${named(method)}; the first, ${named(this.method)}, is used`);
  }

  private code(text: string, i: number, lang: string): number {
    // A code block of the description (an example request) stays in it, as fenced code.
    if (!this.seenH2) {
      if (this.summary && text.trim()) this.descriptionParts.push(fencedCode(text, lang));
      return i;
    }
    // Some editions put the method name in a code block rather than inline code.
    const method = this.opensSection(i) && !this.params ? readMethodLine(text) : undefined;
    if (method) this.methodLine(method);
    else if (this.response && this.responseExample === undefined && !this.structure && looksLikeJson(text)) this.responseExample = text;
    return i;
  }

  private text(i: number, text: string): number {
    const line = text.trim();
    const include = INCLUDE_LINE.exec(line);
    if (include) {
      this.info('page.include', 'include', `include directive ${include[1]} cannot be resolved from the page alone; its content is missing`);
      return i;
    }
    if (!this.seenH2) {
      if (this.summary) this.descriptionParts.push(readDescription(text));
      return i;
    }
    const method = this.opensSection(i) ? readMethodLine(line) : undefined;
    // A second method line counts only before the tables: the page then names two methods.
    if (method && (!this.method || (!this.params && this.response === undefined))) {
      this.methodLine(method);
      return i;
    }
    const type = TYPE_LINE.exec(line);
    if (type && !this.structure) {
      this.pendingType = type[1] ?? type[2] ?? type[3];
      // Named even when its table is missing: the method still returns that type.
      this.response ??= this.pendingType;
      return i;
    }
    if (line.startsWith('|')) return this.pipeText(i);
    return i;
  }

  /**
   * Pipe text that is no rendered table: a table whose delimiter row has more or fewer cells
   * than its header (Markdown then renders none), or whose delimiter row was lost. Read by its
   * header; a line that is no header (rows that spilled out of a table) is never taken for one.
   */
  private pipeText(i: number): number {
    const { text, last } = this.spillFrom(i, false);
    const [headerLine, second = '', ...rest] = text.trim().split('\n');
    const header = lineCells(headerLine);
    const delimiter = lineCells(second);
    const hasDelimiter = delimiter.length > 0 && delimiter.every((c) => DELIMITER_CELL.test(c));
    if (header.length < 3) return last;
    const section = this.currentSection();
    if (!hasDelimiter && !isHeaderRow(header)) {
      this.warn('table.unreadable', section, `table rows with no table header ("${clip(headerLine)}"); skipped`);
      return last;
    }
    if (hasDelimiter) {
      const why = delimiter.length === header.length ? 'Markdown shows it as text' : `its delimiter row has ${delimiter.length} cells for ${header.length} header cells, so Markdown shows it as text`;
      this.info('table.delimiter', section, `${why}; read by its header`);
    }
    const recovered = splitPipeRows((hasDelimiter ? rest : [second, ...rest]).join('\n'), header.length);
    // A header over text that holds no row (an English table cut by a literal ` ... `) is no table.
    if (!hasDelimiter && recovered.rows.length === 0) return last;
    const rows = recovered.rows.map((cells, n) => ({ cells, rowNumber: n + 1 }));
    this.useTable({ header, rows }, recovered.skipped);
    return last;
  }

  private table(i: number): number {
    const block = this.blocks[i] as Extract<Block, { kind: 'table' }>;
    const table = readTable(block.el);
    const rendered = table.rows.map((r) => r.cells);
    const columns = table.header.length;
    const breaks = tableBreaks(rendered);
    const open = breaks.endsInOpenSpan;
    const next = this.blocks[i + 1];
    const spills = next !== undefined && next.kind !== 'table' && (open || (next.kind !== 'heading' && sourceText(next).includes('|')));
    const after = spills ? this.spillFrom(i + 1, open) : { text: '', last: i };
    if (columns === 0 || (!after.text.trim() && !breaks.hasBrokenRows)) {
      this.useTable(table, []);
      return i;
    }
    const section = this.currentSection();
    const recovered = splitPipeRows(rowsText(rendered, columns, after.text), columns);
    const rows = recovered.rows.map((cells, n) => ({ cells, rowNumber: n + 1 }));
    this.useTable({ header: table.header, rows }, recovered.skipped);
    const intact = new Set(rendered.map((cells) => JSON.stringify(cells.map((c) => c.trim()))));
    const rejoined = rows.filter((row) => !intact.has(JSON.stringify(row.cells))).map((row) => row.rowNumber);
    if (rejoined.length) this.info('table.spilled', section, `${rangesText(rejoined)} read back from a multi-line cell that broke the table (${rows.length} rows in all)`);
    return after.last;
  }

  /**
   * Source text of the blocks from i on that belong to the table before them: up to the last
   * one before the next heading or table that still holds a `|`. Inside a code span left open
   * (`open`, then by the backticks met) every block is the value's text, headings too, as long
   * as a backtick further on can close it.
   */
  private spillFrom(i: number, open: boolean): { text: string; last: number } {
    let last = i - 1;
    let inSpan = open;
    const flipped: boolean[] = [];
    for (let end = i; end < this.blocks.length; end++) {
      const b = this.blocks[end];
      if (b.kind === 'table') break;
      if (b.kind === 'heading' && !(inSpan && this.backtickFrom(end))) break;
      const text = sourceText(b);
      if (inSpan || text.includes('|')) last = end;
      flipped.push(inSpan);
      if ((text.match(/`/g) ?? []).length % 2 === 1) inSpan = !inSpan;
    }
    return { text: blocksText(this.blocks.slice(i, last + 1), flipped), last: Math.max(last, i - 1) };
  }

  /** Whether a block from i on, before the next table, holds a backtick. */
  private backtickFrom(i: number): boolean {
    for (let k = i; k < this.blocks.length && this.blocks[k].kind !== 'table'; k++) if (sourceText(this.blocks[k]).includes('`')) return true;
    return false;
  }

  private useTable(table: TableRows, skipped: string[]): void {
    if (this.otherHeading !== undefined) {
      this.info('page.heading', 'heading', `a table under "${this.otherHeading}", which names no structure, is skipped`);
      return;
    }
    const section = this.currentSection();
    for (const junk of skipped) this.warn('table.unreadable', section, `text that spilled out of the table could not be read as rows: "${clip(junk)}"`);
    const roles = columnRoles(table.header);
    const kind: FieldTableKind = this.structure ? 'structure' : this.pendingType ? 'response' : 'params';
    if (roles.name === undefined || roles.type === undefined) {
      this.warn('table.header', section, `table header (${table.header.join(' | ')}) has no name or type column; table skipped`);
      return;
    }
    const fields = readFieldRows(table, roles, kind, { file: this.file, section }, this.diagnostics);
    checkFieldNames(fields, this.file, section, this.diagnostics);
    if (this.structure) {
      this.addStructureFields(fields, section);
    } else if (this.pendingType) {
      this.response = this.pendingType;
      this.responseFields = fields;
      this.pendingType = undefined;
    } else if (!this.params) {
      this.params = fields;
      this.paramsShowRequired = roles.required !== undefined;
    } else {
      this.warn('table.extra', section, 'a second parameter table; it is skipped');
    }
  }

  private addStructureFields(fields: Field[], section: string): void {
    const s = this.structure!;
    const existing = this.structures.find((x) => x.name === s.name);
    if (s.hasTable && existing) {
      this.warn('structure.tables', section, 'more than one table; rows of the later ones are added');
      existing.fields.push(...fields);
    } else if (existing) {
      // A page repeats a section when the structure is reachable from request and response.
      const same = JSON.stringify(existing.fields.map(fieldShape)) === JSON.stringify(fields.map(fieldShape));
      if (!same) this.warn('structure.repeated', section, `${s.name} is shown twice on this page with different fields; the first is kept`);
    } else {
      this.structures.push({ name: s.name, fields, source: s.source, seenIn: [this.file] });
    }
    s.hasTable = true;
  }

  private closeStructure(): void {
    const s = this.structure;
    this.structure = undefined;
    if (!s || s.hasTable) return;
    this.warn('structure.empty', s.source.section, `data structure ${s.name} has no table; it is kept with no fields`);
    if (!this.structures.some((x) => x.name === s.name)) this.structures.push({ name: s.name, fields: [], source: s.source, seenIn: [this.file] });
  }

  private currentSection(): string {
    if (this.structure) return this.structure.source.section;
    return this.pendingType ? 'response' : 'params';
  }

  private result(): PageResult {
    const { file } = this;
    // A method line, a parameter table with a required column (a plain name/type table is
    // what other sites have too) or a response type: without one, this is no API page.
    const isApiPage = this.method !== undefined || (this.params !== undefined && this.paramsShowRequired) || this.response !== undefined;
    if (!isApiPage) {
      const why = this.params
        ? 'its parameter table has no required column, and it has no method name or response type'
        : `it has no ${this.summary ? '' : 'title, '}method name, parameter table or response type`;
      this.error('page.not-api', 'page', `not an API doc page: ${why}`);
      return { file, structures: this.params ? [] : this.structures, diagnostics: this.diagnostics };
    }
    const inferred: InferredFact[] = [];
    let rawName = this.method?.rawName;
    if (!rawName) {
      rawName = pageStem(file);
      inferred.push('method');
      this.info('page.no-method', 'method', `no Method name section; the method name ${camelCase(rawName)} is taken from the file name`);
    }
    if (!this.summary) this.warn('page.no-title', 'summary', 'no title (h1); the summary is empty');
    const operation: PageOperation = {
      name: camelCase(rawName),
      rawName,
      client: this.method?.client,
      summary: this.summary,
      description: this.descriptionParts.filter(Boolean).join('\n\n'),
      params: this.params ?? [],
      inferred,
      source: { file, section: this.method ? 'method' : 'page' },
    };
    if (this.response) operation.response = this.response;
    else this.warn('page.no-response', 'response', 'no response type (`Type: X` line); the method returns unknown');
    if (this.responseExample !== undefined) operation.responseExample = this.responseExample;
    // The response table is the response structure's definition (without a required column).
    if (this.response && this.responseFields) {
      const fields = inferResponseItems(this.responseFields, operation.params, this.structures);
      this.structures.push({ name: this.response, fields, source: { file, section: 'response' }, seenIn: [file] });
    } else if (this.response) {
      this.warn('table.missing', 'response', `response type ${this.response} has no table; its fields are known only where a data structure section defines it`);
    }
    return { file, operation, structures: this.structures, diagnostics: this.diagnostics };
  }

  private warn(code: string, section: string, message: string): void {
    this.diagnostics.push({ severity: 'warning', code, message, file: this.file, section });
  }
  private info(code: string, section: string, message: string): void {
    this.diagnostics.push({ severity: 'info', code, message, file: this.file, section });
  }
  private error(code: string, section: string, message: string): void {
    this.diagnostics.push({ severity: 'error', code, message, file: this.file, section });
  }
}

function fieldShape(f: Field): unknown[] {
  return [f.name, f.type, f.required, f.enum];
}

function structureName(block: Extract<Block, { kind: 'heading' }>): string | undefined {
  const text = block.text.replace(/`/g, '').trim();
  if (isStructureName(text)) return text;
  if (block.anchor && isStructureName(block.anchor)) return block.anchor;
  return undefined;
}

/** The cells of one line of pipe text (`| a | b |`). */
function lineCells(line: string): string[] {
  const cells = line.trim().split(/(?<!\\)\|/);
  if (cells[0]?.trim() === '') cells.shift();
  if (cells.at(-1)?.trim() === '') cells.pop();
  return cells.map((c) => c.trim());
}

/** `row 3`, `rows 2, 5-7`. */
function rangesText(numbers: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    ranges.push(i === j ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
    i = j;
  }
  return `${numbers.length === 1 ? 'row' : 'rows'} ${ranges.join(', ')}`;
}

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
