// Widdershins (OpenAPI → Slate/Shins Markdown and HTML) and Apifox's Chinese variant of it:
// a whole API on one page. Tags are `<h1 id>` headings, operations `##` headings with a
// `` `VERB /path` `` line, then Parameters / Responses / Response Schema sections; component
// schemas follow `# Schemas` as `<h2 id="tocS_Name">` sections with Properties tables.
// The page is split at its h1/h2 headings and each piece is rendered and walked on its own,
// so memory is bounded by the largest section, not the page (WIDDERSHINS.maxPageBytes).
import type { Element } from 'domhandler';
import type { Diagnostic, Field, HttpVerb, OperationResponse, Provenance, Structure, TypeRef } from '../../model/types.js';
import type { PageOperation, PageResult } from '../page.js';
import { pageBlocks, type Block } from '../blocks.js';
import { readTable, type TableRows } from '../table.js';
import { readDescription } from '../cells.js';
import { camelCase } from '../names.js';
import { toHtml } from '../render.js';
import { MAX_NESTING, NestingTooDeep } from '../dom.js';
import type { PageInput, PageProfile } from './profile.js';
import { WHOLE_API_PAGE_BYTES } from '../../read/page-file.js';
import { readNameCell, readWiddershinsType, rowMarkers } from './widdershins-cells.js';
import { copyShape, pascal, RowLowering, type BlockKind, type EnumRow, type LoweringPage, type Row } from './widdershins-rows.js';
import { readAuthentication, readSecurityAside } from './widdershins-security.js';
import { splitPage } from './split.js';

type Column = 'name' | 'in' | 'type' | 'required' | 'restrictions' | 'title' | 'description' | 'status' | 'meaning' | 'schema' | 'property' | 'value';

/** The family's words: header cells → column, headings → section, in English and Apifox's Chinese. */
export const WIDDERSHINS = {
  name: 'widdershins',
  /** A whole API on one page: GitHub's renders to 38 MB. Read piece by piece (see splitPage). */
  maxPageBytes: WHOLE_API_PAGE_BYTES,
  columns: {
    name: ['name', '名称'],
    in: ['in', '位置'],
    type: ['type', '类型'],
    required: ['required', '必选', '必填'],
    restrictions: ['restrictions', '约束'],
    title: ['中文名'],
    description: ['description', '说明', '描述'],
    status: ['status', '状态码'],
    meaning: ['meaning', '状态码含义'],
    schema: ['schema', '数据模型'],
    property: ['property', 'parameter', '属性', '参数'],
    value: ['value', '值'],
  } satisfies Record<Column, string[]>,
  headings: {
    schemas: ['schemas', '数据模型'],
    authentication: ['authentication', '认证', '鉴权'],
    parameters: ['parameters', '请求参数'],
    responses: ['responses', '返回结果'],
    responseSchema: ['response schema', '返回数据结构'],
    properties: ['properties', '属性'],
    enums: ['enumerated values', '枚举值'],
    callbacks: ['callbacks', '回调'],
  },
  quotes: {
    samples: /^code samples|^代码示例/i,
    body: /^body (?:parameter|请求参数)|^请求体/i,
    examples: /^example responses|^返回示例/i,
  },
  /** `Status Code **200**` above a Response Schema table. */
  statusLine: /^(?:status code|状态码)\s+(\S+)$/i,
  /** `` `GET /pets/{id}` `` (zh: plain). Words that are no verb (`SERVERS`) are pseudo-operations. */
  verbLine: /^`?([A-Z]+) (\/[^\s`]*)`?$/,
  blockTitles: { allOf: 'allOf', and: 'allOf', oneOf: 'oneOf', xor: 'oneOf', anyOf: 'anyOf', or: 'anyOf', not: 'not', continued: undefined } as Record<string, BlockKind | undefined>,
};

const LEADING_OP_ID = /^(?:#{2}[^\n]*|<h2[^>]*>[\s\S]*?<\/h2>)\s*(?:<p>)?<a id="opId([^"]+)"/;
const TRAILING_OP_ID = /<a id="opId([^"]+)"><\/a>(?:<\/p>)?\s*$/;
const VERBS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);

export const widdershins: PageProfile = {
  name: WIDDERSHINS.name,
  maxPageBytes: WIDDERSHINS.maxPageBytes,
  detect: detectWiddershins,
  mayDetect: mayBeWiddershins,
  read: (input) => new WiddershinsReader(input).read(),
};

/** The characters detectWiddershins looks for the generator comment in; in UTF-8 they take at most 3 bytes each (a BOM or two aside): GENERATOR_BYTES. */
const GENERATOR_CHARS = 8192;
const GENERATOR_BYTES = 4 * GENERATOR_CHARS;

/** Structure alone: a Responses table header, `tocS_` schema anchors, verb/path lines, the generator comment. */
function detectWiddershins({ text }: PageInput): number {
  let score = 0;
  if (/<!-- Generator: Widdershins/.test(text.slice(0, GENERATOR_CHARS))) score += 2;
  if (/Status(?:<\/th>\s*<th>|\s*\|\s*)Meaning(?:<\/th>\s*<th>|\s*\|\s*)Description|状态码(?:<\/th>\s*<th>|\s*\|\s*)状态码含义/i.test(text)) score += 2;
  // Each test below adds 1: together they cannot make a page one, so they run only where it
  // scored already (every other page scores 0, and is not searched again); the costliest last.
  if (score < 2) return 0;
  // One regexp, not two includes(): it skips ahead through the page, 4x faster on its 12 MB.
  if (/id="toc[sS]_/.test(text)) score += 1;
  if (/^(?:<p>)?(?:`|<code>)?(?:GET|POST|PUT|PATCH|DELETE) \/\S*?(?:`|<\/code>)?(?:<\/p>)?$/m.test(text)) score += 1;
  return score >= 3 ? score : 0;
}

const GENERATOR_MARK = Buffer.from('<!-- Generator: Widdershins');
const STATUS_MEANING_ZH = Buffer.from('状态码含义');

/**
 * detectWiddershins scores a page only where it shows the generator comment (in its first
 * characters) or a Responses table header (status, meaning, description): one of them,
 * searched in the bytes. An ASCII
 * word in any case is the same bytes in the text, and its case-insensitive match (no `u` flag)
 * never takes a non-ASCII letter for an ASCII one, so the Latin-1 view of the bytes finds
 * `Meaning` wherever the text has it.
 */
function mayBeWiddershins(bytes: Buffer): boolean {
  return bytes.subarray(0, GENERATOR_BYTES).includes(GENERATOR_MARK) || bytes.includes(STATUS_MEANING_ZH) || /meaning/i.test(bytes.toString('latin1'));
}

type OpSection = 'description' | 'samples' | 'body' | 'parameters' | 'enums' | 'examples' | 'responses' | 'responseSchema' | 'other';

interface Group {
  rows: Row[];
  enums: EnumRow[];
  block?: BlockKind;
}

interface OpDraft {
  heading: string;
  operationId?: string;
  verb: HttpVerb;
  path: string;
  tag?: string;
  description: string[];
  params: Group;
  responses: OperationResponse[];
  /** Schema cell per status code, as shown. */
  schemaCells: Map<string, string>;
  responseGroups: Map<string, Group>;
  mediaTypes: string[];
  accept?: string;
  bodyIsArray: boolean;
  security?: string[][];
  example?: string;
  source: Provenance;
}

interface SchemaDraft {
  name: string;
  description: string[];
  group: Group;
  source: Provenance;
}

class WiddershinsReader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly structures: Structure[] = [];
  private readonly drafts: OpDraft[] = [];
  private readonly servers: string[] = [];
  private readonly authText: string[] = [];
  private readonly taken: Set<string>;
  private readonly file: string;
  private title?: string;
  private titleId?: string;
  private part: 'intro' | 'auth' | 'tag' | 'op' | 'schemas' = 'intro';
  private tag?: string;
  /** An h2 waiting for its `VERB /path` line; the code samples before that line already say the media types. */
  private pendingHeading?: { text: string; operationId?: string; mediaTypes: string[]; accept?: string };
  private op?: OpDraft;
  private section: OpSection = 'description';
  private status?: string;
  private schema?: SchemaDraft;
  private serversNext = false;
  private exampleStatus?: string;
  /** The composition block (`allOf`, `xor`, …) the next tables stand under. */
  private blockTitle?: BlockKind;

  constructor(private readonly input: PageInput) {
    this.file = input.file;
    // Component names first, so that no inline structure takes one.
    this.taken = new Set([...input.text.matchAll(/<a id="schema_([^"]+)"/g)].map((m) => m[1]));
  }

  read(): PageResult {
    // The `opId` anchor follows the heading (English templates) or stands just before it (Apifox).
    let before: string | undefined;
    for (const piece of splitPage(this.input.text, this.input.format)) {
      const html = toHtml(piece.text, this.input.format);
      const operationId = LEADING_OP_ID.exec(piece.text)?.[1] ?? before;
      before = TRAILING_OP_ID.exec(piece.text)?.[1];
      let blocks: Block[];
      try {
        blocks = pageBlocks(html, { asides: true });
      } catch (error) {
        if (!(error instanceof NestingTooDeep)) throw error;
        this.warn('page.too-deep', 'page', `a section nests deeper than ${MAX_NESTING} elements; it is skipped`);
        continue;
      }
      for (const block of blocks) this.visit(block, operationId);
    }
    this.closeSchema();
    return this.result();
  }

  private visit(block: Block, operationId: string | undefined): void {
    switch (block.kind) {
      case 'heading':
        return this.heading(block, operationId);
      case 'text':
        return this.text(block.text);
      case 'quote':
        return this.quote(plain(block.el));
      case 'code':
        return this.code(block);
      case 'table':
        return this.table(block.el);
      case 'aside':
        if (this.op && this.part === 'op') this.op.security = readSecurityAside(block.text);
        return;
    }
  }

  private heading(block: Extract<Block, { kind: 'heading' }>, operationId: string | undefined): void {
    const text = block.text.trim();
    const words = text.toLowerCase();
    const id = block.el.attribs.id;
    this.blockTitle = undefined;
    if (block.level === 1) {
      if (this.title === undefined) {
        this.title = text;
        this.titleId = id;
        return;
      }
      if (is(words, WIDDERSHINS.headings.authentication)) return this.enter('auth');
      if (is(words, WIDDERSHINS.headings.schemas)) return this.enter('schemas');
      // Tags are raw `<h1 id>`; headings of descriptions have no id (or, on Shins' site, not the API's prefix).
      if (id && (this.input.format !== 'html' || !this.titleId || id.startsWith(`${this.titleId}-`))) {
        this.enter('tag');
        this.tag = text;
      }
      return;
    }
    if (this.part === 'schemas') {
      if (block.level === 2) {
        this.closeSchema();
        const name = text || (id ?? '').replace(/^tocs_/i, '');
        this.schema = { name, description: [], group: { rows: [], enums: [] }, source: this.where(`structure:${name}`) };
        this.taken.add(name);
        this.section = 'description';
        return;
      }
      if (this.schema) this.section = is(words, WIDDERSHINS.headings.enums) ? 'enums' : is(words, WIDDERSHINS.headings.properties) ? 'parameters' : 'other';
      return;
    }
    if (block.level === 2) {
      this.pendingHeading = { text, operationId, mediaTypes: [] };
      return;
    }
    if (!this.op) return;
    if (is(words, WIDDERSHINS.headings.parameters)) this.section = 'parameters';
    else if (is(words, WIDDERSHINS.headings.responses)) this.section = 'responses';
    else if (is(words, WIDDERSHINS.headings.responseSchema)) this.section = 'responseSchema';
    else if (is(words, WIDDERSHINS.headings.enums)) this.section = 'enums';
    // Callbacks print as more sections under the parent's heading and path: not the parent's.
    else if (is(words, WIDDERSHINS.headings.callbacks)) this.op = undefined;
    else if (this.section === 'description') this.op.description.push(text);
    else this.section = 'other';
  }

  private enter(part: WiddershinsReader['part']): void {
    this.closeSchema();
    this.part = part;
    this.op = undefined;
    this.pendingHeading = undefined;
  }

  private text(raw: string): void {
    const text = raw.trim();
    const firstLine = text.split('\n')[0].trim();
    if (this.serversNext) {
      this.serversNext = false;
      for (const line of text.split('\n')) if (line.trim()) this.servers.push(line.trim());
      return;
    }
    if (this.part === 'intro' && /^base urls?[:：]/i.test(text)) {
      const rest = text.replace(/^base urls?[:：]/i, '').trim();
      if (rest) this.servers.push(...rest.split('\n').map((l) => l.trim()).filter(Boolean));
      else this.serversNext = true;
      return;
    }
    if (this.part === 'auth') {
      this.authText.push(raw);
      return;
    }
    const verbLine = WIDDERSHINS.verbLine.exec(firstLine);
    if (verbLine && this.pendingHeading && this.part !== 'schemas') {
      this.startOperation(verbLine[1], verbLine[2]);
      return;
    }
    const title = WIDDERSHINS.blockTitles[firstLine];
    if (Object.hasOwn(WIDDERSHINS.blockTitles, firstLine) && text === firstLine) {
      if (this.schema || this.op) this.blockTitle = title;
      return;
    }
    if (this.schema) {
      if (this.section === 'description') this.schema.description.push(readDescription(raw));
      return;
    }
    if (!this.op) return;
    const status = WIDDERSHINS.statusLine.exec(firstLine);
    if (status && this.section === 'responseSchema') {
      this.status = status[1];
      this.blockTitle = undefined;
      return;
    }
    if (this.section === 'description') this.op.description.push(readDescription(raw));
  }

  private startOperation(word: string, path: string): void {
    const heading = this.pendingHeading!;
    this.pendingHeading = undefined;
    this.op = undefined;
    if (!VERBS.has(word)) return; // `SERVERS /path`: path-item servers, no operation
    const verb = word as HttpVerb;
    if (this.drafts.some((d) => d.verb === verb && d.path === path)) {
      this.info('operation.repeated', `${verb} ${path}`, 'shown again (a callback, or a repeated section); the first is kept');
      return;
    }
    // Apifox writes the verb before the summary: `## POST 新建宠物`.
    const summary = heading.text.startsWith(`${verb} `) ? heading.text.slice(verb.length + 1).trim() : heading.text;
    const op: OpDraft = {
      heading: summary,
      operationId: heading.operationId,
      verb,
      path,
      tag: this.tag,
      description: [],
      params: { rows: [], enums: [] },
      responses: [],
      schemaCells: new Map(),
      responseGroups: new Map(),
      mediaTypes: heading.mediaTypes,
      accept: heading.accept,
      bodyIsArray: false,
      source: this.where(`${verb} ${path}`),
    };
    this.drafts.push(op);
    this.op = op;
    this.part = 'op';
    this.section = 'description';
    this.blockTitle = undefined;
  }

  private quote(text: string): void {
    if (WIDDERSHINS.quotes.samples.test(text)) this.section = 'samples';
    if (!this.op) return;
    if (WIDDERSHINS.quotes.samples.test(text)) return;
    else if (WIDDERSHINS.quotes.body.test(text)) this.section = 'body';
    else if (WIDDERSHINS.quotes.examples.test(text)) this.section = 'examples';
    else if (this.section === 'examples') this.exampleStatus = /^(\S+) Response/i.exec(text)?.[1];
  }

  private code(block: Extract<Block, { kind: 'code' }>): void {
    const lang = block.lang || (/\btab-([\w-]+)/.exec(block.el.attribs.class ?? '')?.[1] ?? '');
    const samples = this.pendingHeading ?? this.op;
    if (this.section === 'samples' && lang === 'http' && samples) {
      const type = /^Content-Type:\s*(\S+)/im.exec(block.text)?.[1];
      if (type && !samples.mediaTypes.includes(type)) samples.mediaTypes.push(type);
      samples.accept ??= /^Accept:\s*(\S+)/im.exec(block.text)?.[1];
      return;
    }
    const op = this.op;
    if (!op) return;
    if (this.section === 'body') {
      op.bodyIsArray ||= /^\s*\[/.test(block.text);
      this.section = 'other';
    } else if (this.section === 'examples' && op.example === undefined && /^2/.test(this.exampleStatus ?? '') && /^\s*[[{]/.test(block.text)) {
      op.example = block.text;
    }
  }

  private table(el: Element): void {
    const table = readTable(el);
    const columns = columnsOf(table.header);
    const target = this.schema ?? this.op;
    if (!target) return;
    if (columns.property !== undefined && columns.value !== undefined) return this.enumTable(table, columns);
    if (this.op && !this.schema && this.section === 'responses' && columns.status !== undefined) return this.responsesTable(this.op, table, columns);
    const group = this.currentGroup();
    if (!group || columns.name === undefined || columns.type === undefined) return;
    const markers = rowMarkers(el);
    const section = this.schema ? this.schema.source.section : `${this.op!.source.section} ${this.section === 'parameters' ? 'parameters' : `response ${this.status ?? ''}`.trim()}`;
    const cell = (cells: string[], c: Column) => (columns[c] === undefined ? '' : (cells[columns[c]!] ?? ''));
    table.rows.forEach(({ cells }, i) => {
      const { name, depth } = readNameCell(cell(cells, 'name'));
      const row: Row = {
        name,
        depth,
        type: cell(cells, 'type'),
        required: cell(cells, 'required'),
        restrictions: cell(cells, 'restrictions'),
        description: cell(cells, 'description'),
        source: { file: this.file, section, row: group.rows.length + 1, profile: WIDDERSHINS.name },
      };
      const marker = markers.length === table.rows.length ? markers[i] : undefined;
      if (marker) row.marker = marker;
      if (this.blockTitle) row.block = this.blockTitle;
      if (columns.in !== undefined) row.in = cell(cells, 'in').trim();
      group.rows.push(row);
    });
  }

  private currentGroup(): Group | undefined {
    if (this.schema) return this.section === 'parameters' || this.section === 'other' ? this.schema.group : undefined;
    const op = this.op!;
    if (this.section === 'parameters') return op.params;
    if (this.section === 'responseSchema' && this.status) {
      let group = op.responseGroups.get(this.status);
      if (!group) op.responseGroups.set(this.status, (group = { rows: [], enums: [] }));
      return group;
    }
    return undefined;
  }

  private enumTable(table: TableRows, columns: Partial<Record<Column, number>>): void {
    const group = this.schema ? this.schema.group : this.section === 'enums' && this.status && this.op?.responseGroups.get(this.status) ? this.op.responseGroups.get(this.status) : this.op?.params;
    if (!group) return;
    for (const { cells } of table.rows) {
      const { name, depth } = readNameCell(cells[columns.property!] ?? '');
      const value = readDescription(cells[columns.value!] ?? '');
      group.enums.push({ name, depth, value });
    }
  }

  private responsesTable(op: OpDraft, table: TableRows, columns: Partial<Record<Column, number>>): void {
    for (const { cells } of table.rows) {
      const status = readDescription(cells[columns.status!] ?? '').trim();
      if (!/^([1-5]\d\d|[1-5]XX|default)$/i.test(status)) continue;
      const description = readDescription(cells[columns.description ?? -1] ?? '');
      op.responses.push({ status, description });
      op.schemaCells.set(status, (cells[columns.schema ?? -1] ?? '').trim());
    }
  }

  private closeSchema(): void {
    const s = this.schema;
    this.schema = undefined;
    if (!s) return;
    const description = s.description.filter(Boolean).join('\n\n');
    // A schema that is no object prints its one row under its title, when it has one, rather than `*anonymous*`.
    const top = s.group.rows.filter((r) => r.depth === 0);
    if (top.length === 1 && top[0] === s.group.rows[0] && top[0].marker === undefined && top[0].name === description && !/^object\b/.test(top[0].type)) top[0].marker = 'anonymous';
    const lowering = new RowLowering(this.loweringPage(), s.group.rows, s.group.enums, false);
    const shape = lowering.shape(s.group.rows, s.name);
    const structure: Structure = { name: s.name, fields: shape.fields, source: s.source, seenIn: [this.file] };
    if (description) structure.description = description;
    copyShape(shape, structure);
    this.structures.push(structure);
  }

  private loweringPage(): LoweringPage {
    return { file: this.file, structures: this.structures, taken: this.taken, diagnostics: this.diagnostics };
  }

  private result(): PageResult {
    const operations = this.assignNames(this.drafts.map((d) => this.operation(d)));
    if (operations.length === 0) this.warn('page.no-operations', 'page', 'a Widdershins page with no operation (no `VERB /path` line under a heading)');
    const result: PageResult = { file: this.file, operations, structures: this.structures, diagnostics: this.diagnostics };
    if (this.servers.length) result.servers = [...new Set(this.servers)];
    const schemes = readAuthentication(this.authText.join('\n'), operations.flatMap((o) => o.security ?? []).flat());
    if (Object.keys(schemes).length) result.securitySchemes = schemes;
    return result;
  }

  private operation(d: OpDraft): PageOperation {
    const lowering = new RowLowering(this.loweringPage(), d.params.rows, d.params.enums, true);
    // The body's » rows, one level up: the body row is their root. Their enum rows are named with the » too.
    const bodyLowering = new RowLowering(
      this.loweringPage(),
      d.params.rows.filter((r) => r.depth > 0).map((r) => ({ ...r, depth: r.depth - 1 })),
      d.params.enums.map((e) => ({ ...e, depth: e.depth - 1 })),
      true,
    );
    const rawName = d.operationId ?? d.heading;
    const baseName = camelCase(rawName.replace(/[^\w\s-]+/g, ' ')) || camelCase(`${d.verb.toLowerCase()} ${d.path.replace(/[^\w]+/g, ' ')}`);
    const typeHint = pascal(baseName);
    const params: Field[] = [];
    let requestBody: PageOperation['requestBody'];
    const rows = d.params.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.depth > 0) continue;
      let end = i + 1;
      while (end < rows.length && rows[end].depth > 0) end++;
      const location = (row.in ?? '').toLowerCase();
      if (location === 'body') {
        const field = bodyLowering.topField({ ...row, depth: -1 }, rows.slice(i + 1, end).map((r) => ({ ...r, depth: r.depth - 1 })), `${typeHint}Body`);
        let type: TypeRef = field.type;
        if (d.bodyIsArray && type.kind === 'ref') type = { kind: 'array', items: type };
        requestBody = { type, mediaTypes: d.mediaTypes.length ? d.mediaTypes : ['application/json'], required: field.required };
      } else if (location === 'query' || location === 'path' || location === 'header' || location === 'cookie') {
        const field = lowering.topField(row, [], `${typeHint}${pascal(row.name)}`);
        field.in = location;
        params.push(field);
      } else {
        this.warn('row.unreadable', row.source.section, `parameter ${row.name}: location "${row.in}" is none of path, query, header, cookie, body; row skipped`, row.source.row);
      }
      i = end - 1;
    }
    const responses = d.responses.map((r) => this.response(d, r, typeHint));
    const op: PageOperation = {
      name: baseName,
      rawName,
      summary: d.heading,
      description: d.description.filter(Boolean).join('\n\n'),
      params,
      inferred: [],
      source: d.source,
      http: { verb: d.verb, path: d.path },
      responses,
    };
    if (d.operationId) op.operationId = d.operationId;
    if (d.tag !== undefined) {
      op.tag = d.tag;
      op.client = clientName(d.tag);
    } else op.client = 'DefaultClient';
    if (requestBody) op.requestBody = requestBody;
    if (d.security) op.security = d.security;
    const success = responses.find((r) => /^2/.test(r.status) && r.type);
    if (success?.type?.kind === 'ref') op.response = success.type.ref;
    if (d.example !== undefined) op.responseExample = d.example;
    return op;
  }

  private response(d: OpDraft, r: OperationResponse, typeHint: string): OperationResponse {
    const cell = d.schemaCells.get(r.status) ?? '';
    const out: OperationResponse = { ...r };
    const group = d.responseGroups.get(r.status);
    const hint = `${typeHint}Response${r.status === '200' ? '' : pascal(r.status)}`;
    const where: Provenance = { file: this.file, section: `${d.source.section} response ${r.status}`, profile: WIDDERSHINS.name };
    if (/^inline$/i.test(cell) || (group && group.rows.length && !/^none$/i.test(cell))) {
      if (group?.rows.length) {
        const lowering = new RowLowering(this.loweringPage(), group.rows, group.enums, false);
        const [first] = group.rows;
        out.type =
          first.depth === 0 && first.marker === 'anonymous'
            ? lowering.topType(first, group.rows.slice(1), hint).type
            : lowering.inlineStructure(group.rows.map((row) => ({ ...row, depth: row.depth - 1 })), hint, where);
      } else out.type = { kind: 'primitive', type: 'object' };
    } else if (cell && !/^none$/i.test(cell)) {
      const read = readWiddershinsType(cell);
      if (read.problem) this.warn('row.unreadable', where.section, `response ${r.status}: ${read.problem}`);
      else out.type = read.type;
    }
    if (out.type) out.mediaType = /^2/.test(r.status) && d.accept ? d.accept : 'application/json';
    return out;
  }

  /** Method names unique per client: a second one gets its verb, then a number. */
  private assignNames(ops: PageOperation[]): PageOperation[] {
    const taken = new Map<string, Set<string>>();
    for (const op of ops) {
      const names = taken.get(op.client!) ?? new Set<string>();
      taken.set(op.client!, names);
      let name = op.name;
      if (names.has(name)) name = `${name}${pascal(op.http!.verb.toLowerCase())}`;
      for (let n = 2; names.has(name); n++) name = `${op.name}${n}`;
      names.add(name);
      op.name = name;
    }
    return ops;
  }

  private where(section: string): Provenance {
    return { file: this.file, section, profile: WIDDERSHINS.name };
  }

  private warn(code: string, section: string, message: string, row?: number): void {
    this.diagnostics.push({ severity: 'warning', code, message, file: this.file, section, ...(row !== undefined ? { row } : {}) });
  }
  private info(code: string, section: string, message: string): void {
    this.diagnostics.push({ severity: 'info', code, message, file: this.file, section });
  }
}

function columnsOf(header: string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  header.forEach((text, i) => {
    const word = text.replace(/[*_`]/g, '').trim().toLowerCase();
    for (const [column, words] of Object.entries(WIDDERSHINS.columns) as [Column, string[]][]) {
      if (columns[column] === undefined && words.includes(word)) {
        columns[column] = i;
        break;
      }
    }
  });
  return columns;
}

function is(words: string, list: string[]): boolean {
  return list.includes(words.replace(/\s+/g, ' ').trim());
}

function plain(el: Element): string {
  return readDescription(pageText(el));
}

function pageText(el: Element): string {
  let out = '';
  for (const c of el.children) out += c.type === 'text' ? (c as unknown as { data: string }).data : c.type === 'tag' ? pageText(c as Element) : '';
  return out;
}

/** `pet store` → `PetStoreClient`; a tag of no ASCII letters keeps the generic name. */
function clientName(tag: string): string {
  const base = pascal(tag);
  if (!base || !/^[A-Za-z]/.test(base)) return 'DefaultClient';
  return /client$/i.test(base) ? base : `${base}Client`;
}
