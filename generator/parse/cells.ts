import { isNumericType } from '../model/defaults.js';
import type { Primitive, TypeRef } from '../model/types.js';
import { findLinks, isStructureName, unlink, type StructureLink } from './links.js';

// Readers for single table cells, in the text form of inline-text.ts.

export interface TypeReading {
  type: TypeRef;
  /** The item type or the whole type was not on the page. */
  inferred?: 'items' | 'type';
  /** Why the cell could not be read as written, for a diagnostic. */
  problem?: string;
}

// A Map, not an object literal: a type cell reading `constructor` or `__proto__` must not find
// Object.prototype's members.
const PRIMITIVES = new Map<string, Primitive>([
  ['string', 'string'],
  ['str', 'string'],
  ['number', 'number'],
  ['float', 'number'],
  ['double', 'number'],
  ['integer', 'integer'],
  ['int', 'integer'],
  ['long', 'integer'],
  ['boolean', 'boolean'],
  ['bool', 'boolean'],
  ['object', 'object'],
  ['dict', 'object'],
  ['map', 'object'],
  ['any', 'unknown'],
  ['unknown', 'unknown'],
]);
const ARRAY_WORDS = new Set(['array', 'list']);
const UNKNOWN: TypeRef = { kind: 'primitive', type: 'unknown' };

/**
 * A type cell: a primitive (also Python's `str`, `int`, …), `T[]`, a link to a structure
 * (`X[]` for arrays), `array` with its item structure linked from the description, or an
 * empty cell for a nested object whose structure the description links.
 */
export function readTypeCell(cell: string, description: string): TypeReading {
  const [link] = findLinks(cell);
  if (link && !link.broken) return { type: linkType(link) };
  const word = cell.replace(/`/g, '').trim();
  const lower = word.toLowerCase();
  // The description is searched only where the cell leaves the type to it.
  const nested = link || lower === '' || ARRAY_WORDS.has(lower) ? nestedLink(description) : undefined;
  if (link) {
    if (nested) return { type: linkType({ ...nested, isArray: link.isArray || nested.isArray }) };
    return { type: UNKNOWN, inferred: 'type', problem: `type links to an undefined structure (${cell.trim()})` };
  }
  if (lower === '') {
    if (nested) return { type: linkType(nested) };
    return { type: UNKNOWN, inferred: 'type', problem: 'empty type cell and no nested type in the description' };
  }
  if (ARRAY_WORDS.has(lower)) {
    if (nested) return { type: { kind: 'array', items: { kind: 'ref', ref: nested.name } } };
    return { type: { kind: 'array', items: UNKNOWN }, inferred: 'items' };
  }
  const primitive = PRIMITIVES.get(lower);
  if (primitive) return { type: { kind: 'primitive', type: primitive } };
  const element = /^(.+?)\s*\[\]$/.exec(word);
  if (element) {
    const inner = readTypeCell(element[1], '');
    if (!inner.problem) return { type: { kind: 'array', items: inner.type } };
  }
  if (isStructureName(word)) return { type: { kind: 'ref', ref: word } };
  return { type: UNKNOWN, inferred: 'type', problem: `unreadable type "${word}"` };
}

function linkType(link: StructureLink): TypeRef {
  const ref: TypeRef = { kind: 'ref', ref: link.name };
  return link.isArray ? { kind: 'array', items: ref } : ref;
}

/** The structure a description links to (`Nested type: X` / `嵌套类型：X`). */
function nestedLink(description: string): StructureLink | undefined {
  return findLinks(description).find((l) => !l.broken);
}

const YES = new Set(['是', '必填', 'yes', 'y', 'true', 'required', '√', '✓', '✔']);
const NO = new Set(['否', '非必填', '选填', '可选', 'no', 'n', 'false', 'optional', '×', '-', '']);

/** `是` / `yes` → true, `否` / `no` → false; anything else is unreadable (undefined). */
export function readRequiredCell(cell: string): boolean | undefined {
  const word = unlink(cell).replace(/[`*]/g, '').trim().toLowerCase().replace(/[.。!！]$/, '');
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

/** A default cell: `-` or empty is none; otherwise typed by the field's type when it parses. */
export function readDefaultCell(cell: string, type: TypeRef): string | number | boolean | undefined {
  const text = unlink(cell).replace(/^`(.*)`$/s, '$1').trim();
  if (text === '' || text === '-') return undefined;
  if (isNumericType(type) && JSON_NUMBER.test(text) && Number.isFinite(Number(text)) && (type.type !== 'integer' || Number.isInteger(Number(text)))) return Number(text);
  if (type.kind === 'primitive' && type.type === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return text;
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;


/** A sample cell, verbatim but for the code span around it. */
export function readExampleCell(cell: string): string | undefined {
  const text = unlink(cell).trim().replace(/^`([^`]*)`$/s, '$1');
  return text === '' ? undefined : text.replace(/<br>/g, '\n');
}

/** Description text as a reader sees it: links by name, `<br>` as line breaks. */
export function readDescription(cell: string): string {
  const text = unlink(cell);
  // Most cells are one line: trimming it is all the line handling below would do.
  if (!text.includes('\n') && !text.includes('<br>')) return text.trim();
  // Trimmed in place, not mapped: optimized Array#map returns a holey array, and join then deoptimized.
  const lines = text.replace(/<br>/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i].trimEnd();
  return lines.join('\n').trim();
}

/** `数组长度限制：N` / `array length limit: N`. */
export function readMaxItems(description: string): number | undefined {
  const m = /(?:数组长度限制|array length limit|maximum array length|max(?:imum)? (?:length|items))\s*(?:is|为)?\s*[:：]?\s*(\d+)/i.exec(description);
  return m ? Number(m[1]) : undefined;
}

/** Markdown fenced code of `text`: the fence is longer than any backtick run inside, so the text cannot end it. */
export function fencedCode(text: string, lang = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang.replace(/[^\w-]/g, '')}\n${text.replace(/\s+$/, '')}\n${fence}`;
}
