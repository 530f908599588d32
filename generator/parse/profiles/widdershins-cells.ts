// Widdershins' table cells, in the text form of inline-text.ts: type cells (`integer(int64)`,
// `[string]`, `array[string]`, `[<a href="#schematag">Tag</a>]`, `string¦null`), name cells
// with `»` depth markers, and Restrictions.
import type { Element } from 'domhandler';
import { getElementsByTagName } from 'domutils';
import type { Primitive, TypeRef } from '../../model/types.js';
import { tableRows } from '../table.js';

export interface CellType {
  type: TypeRef;
  format?: string;
  nullable?: true;
  /** Why the cell could not be read as written. */
  problem?: string;
  /** `[oneOf]`, `[anyOf]`, `[allOf]`: items composed of members the cell does not name. */
  itemsComposed?: 'oneOf' | 'anyOf' | 'allOf';
}

const PRIMITIVES = new Map<string, Primitive>([
  ['string', 'string'],
  ['integer', 'integer'],
  ['number', 'number'],
  ['boolean', 'boolean'],
  ['object', 'object'],
  ['any', 'unknown'],
  ['null', 'unknown'],
]);
const UNKNOWN: TypeRef = { kind: 'primitive', type: 'unknown' };
/** What OpenAPI allows as a component name. */
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;
const LINK = /^<a href="#([^"]*)">([\s\S]*?)<\/a>$/;

/** A type cell as Widdershins prints it; links name the structure by their label. */
export function readWiddershinsType(cell: string): CellType {
  let text = cell.replace(/`/g, '').trim();
  let nullable: true | undefined;
  // ¦null for `nullable: true`, `,null` for a 3.1 type array with null in it.
  const nullMark = /(?:¦|,)null$/.exec(text);
  if (nullMark && text !== 'null') {
    nullable = true;
    text = text.slice(0, nullMark.index).trim();
  }
  const read = readBare(text);
  return nullable ? { ...read, nullable } : read;
}

function readBare(text: string): CellType {
  const bracketed = /^\[([\s\S]*)\]$/.exec(text) ?? /^array\[([\s\S]*)\]$/i.exec(text);
  if (bracketed) {
    // `[oneOf]`, `[allOf]`: composed items, shown by their keyword only.
    const composed = /^(oneOf|anyOf|allOf|not)$/.exec(bracketed[1].trim())?.[1];
    if (composed) return { type: { kind: 'array', items: UNKNOWN }, ...(composed !== 'not' ? { itemsComposed: composed as 'oneOf' } : {}) };
    return { type: { kind: 'array', items: readBare(bracketed[1].trim()).type } };
  }
  if (/^array$/i.test(text)) return { type: { kind: 'array', items: UNKNOWN } };
  const link = LINK.exec(text);
  if (link) {
    const name = link[2].replace(/<[^>]*>/g, '').trim();
    // A `#/paths/…` pointer (or a name with `/` in it) is no component: the schema it points into is inline.
    if (!COMPONENT_NAME.test(name)) return { type: UNKNOWN, problem: `links to ${name || 'nothing'}, which is no named structure` };
    return { type: { kind: 'ref', ref: name } };
  }
  const formatted = /^([a-z]+)\s*\(([^()]+)\)$/i.exec(text);
  const word = (formatted ? formatted[1] : text).toLowerCase();
  const primitive = PRIMITIVES.get(word);
  if (primitive) {
    const reading: CellType = { type: { kind: 'primitive', type: primitive } };
    if (formatted) reading.format = formatted[2].trim();
    return reading;
  }
  return { type: UNKNOWN, problem: `unreadable type "${text.slice(0, 60)}"` };
}

/** A name cell: `»` markers give the nesting depth. */
export function readNameCell(cell: string): { name: string; depth: number } {
  const text = cell.replace(/<br>/g, ' ').trim();
  const marks = /^((?:»\s*)*)/.exec(text)![1];
  return { name: text.slice(marks.length).replace(/`/g, '').trim(), depth: (marks.match(/»/g) ?? []).length };
}

export type RowMarker = 'anonymous' | 'additionalProperties' | 'additionalItems';

/**
 * The emphasis of each data row's first cell: `*anonymous*` (a composition member or a schema
 * that is no object) and `**additionalProperties**` are marked by emphasis alone, which the
 * cell text form drops. One entry per `<tr>` without `<th>` cells, in order.
 */
export function rowMarkers(table: Element): (RowMarker | undefined)[] {
  const marks: (RowMarker | undefined)[] = [];
  for (const tr of tableRows(table)) {
    const cells = tr.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
    if (cells.length === 0 || cells[0].name === 'th') continue;
    const emphasis = getElementsByTagName('em', cells[0], true)[0] ?? getElementsByTagName('strong', cells[0], true)[0];
    const text = emphasis ? textOf(emphasis) : '';
    marks.push(text === 'anonymous' ? 'anonymous' : text === 'additionalProperties' ? 'additionalProperties' : text === 'additionalItems' ? 'additionalItems' : undefined);
  }
  return marks;
}

function textOf(el: Element): string {
  let out = '';
  for (const c of el.children) out += c.type === 'text' ? (c as unknown as { data: string }).data : c.type === 'tag' ? textOf(c as Element) : '';
  return out.trim();
}

/** Restrictions cell: `read-only`, `write-only` (else `none`). */
export function readRestrictions(cell: string): { readOnly?: true; writeOnly?: true } {
  const text = cell.trim().toLowerCase();
  if (/read-?only|只读/.test(text)) return { readOnly: true };
  if (/write-?only|只写/.test(text)) return { writeOnly: true };
  return {};
}
