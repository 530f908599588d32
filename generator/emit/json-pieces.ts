// A JSON document's bytes made piece by piece, laid out as jsonFile lays out the whole
// (JSON.stringify with an indent of 2, a line break, invisible characters escaped), so a part
// the previous file holds can be put in as its bytes, and where each part lies is known.
import { invisibleEscapedInJson } from './escape.js';

/** Thrown where a value is not the plain data the pieces lay out: the caller then makes the whole text. */
export class NotPlain extends Error {}

/** A line break and the indent of `depth` levels of nesting. */
const lineAt = (depth: number) => '\n' + '  '.repeat(depth);

/** `value` as a plain object (JSON.stringify writes its own keys and nothing else: no array, no toJSON), or NotPlain thrown. */
export function plainObject(value: unknown): Record<string, unknown> {
  const proto = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new NotPlain();
  return value as Record<string, unknown>;
}

/**
 * The pieces of the text, as UTF-8. Text is escaped as jsonFile escapes the whole
 * (invisibleEscapedInJson replaces each such character on its own): pieces are cut between
 * tokens, at ASCII characters, so no character spans two, and the escaped pieces are the escaped
 * whole. Bytes put in are taken as they are: they must be escaped already.
 */
export class JsonPieces {
  private readonly chunks: Buffer[] = [];
  private pending = '';
  private flushed = 0;

  text(text: string): void {
    this.pending += text;
  }

  /** The length of the bytes so far, where the next piece starts (the text pending is made bytes). */
  offset(): number {
    if (this.pending) {
      const bytes = Buffer.from(invisibleEscapedInJson(this.pending));
      this.chunks.push(bytes);
      this.flushed += bytes.length;
      this.pending = '';
    }
    return this.flushed;
  }

  bytes(bytes: Buffer): void {
    this.flushed = this.offset() + bytes.length;
    this.chunks.push(bytes);
  }

  /**
   * `value`, the member `key` of an object at `depth - 1` levels of nesting, as the whole text
   * has it: JSON.stringify writes it inside as many objects (so at its indent, with toJSON
   * called with its key), and the text around it, known, is cut off.
   */
  value(value: unknown, depth: number, key: string): void {
    let wrapped: unknown = { [key]: value };
    for (let level = 1; level < depth; level++) wrapped = { '': wrapped };
    const text = JSON.stringify(wrapped, null, 2);
    const before = '{' + Array.from({ length: depth - 1 }, (_, level) => lineAt(level + 1) + '"": {').join('') + lineAt(depth) + JSON.stringify(key) + ': ';
    const after = Array.from({ length: depth }, (_, level) => lineAt(depth - 1 - level) + '}').join('');
    // Left out (undefined, a function): no member to cut out.
    if (!text.startsWith(before)) throw new NotPlain();
    this.text(text.slice(before.length, text.length - after.length));
  }

  /** The members of the plain object `object` at `depth`, each value written by `write`: JSON.stringify leaves out those it cannot write. */
  members(object: unknown, depth: number, write: (key: string, value: unknown) => void): void {
    const members = plainObject(object);
    let first = true;
    for (const key of Object.keys(members)) {
      const value = members[key];
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      this.text((first ? '{' : ',') + lineAt(depth + 1) + JSON.stringify(key) + ': ');
      first = false;
      write(key, value);
    }
    this.text(first ? '{}' : lineAt(depth) + '}');
  }

  /** The whole file: the pieces and a line break. */
  done(): Buffer {
    this.text('\n');
    const length = this.offset();
    return Buffer.concat(this.chunks, length);
  }
}
