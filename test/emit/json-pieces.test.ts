// JsonPieces (emit/json-pieces.ts): a JSON document made piece by piece is jsonFile's text of
// the whole, byte for byte, whatever the keys and values (fast-check's JSON values, keys that
// look like layout or are `__proto__`, invisible characters), with bytes put in as they are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText } from '../../generator/emit/escape.js';
import { JsonPieces } from '../../generator/emit/json-pieces.js';

const KEYS = ['', '__proto__', 'constructor', '"', '\n', '\u200b', '\u{e0041}', '0', '10', 'a', '": {'];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string());
/** An object of objects of values: the two levels the pieces walk, the values stringified. */
const doc = fc.dictionary(key, fc.dictionary(key, fc.jsonValue(), { maxKeys: 4 }), { maxKeys: 4 });

/** As JSON.parse makes an object (own `__proto__` too), without a prototype. */
const bare = (entries: [string, unknown][]) => Object.assign(Object.create(null) as Record<string, unknown>, Object.fromEntries(entries));

describe('JsonPieces', () => {
  it('lays out a document as jsonText and a line break, its parts stringified or put in as bytes', () => {
    fc.assert(
      fc.property(doc, fc.boolean(), (value, asBytes) => {
        const whole = Buffer.from(jsonText(value, 2) + '\n');
        const out = new JsonPieces();
        out.members(value, 0, (_k, inner) =>
          out.members(inner, 1, (k, v) => {
            if (!asBytes) return out.value(v, 2, k);
            // The same part as the whole has it, cut out of another document made whole.
            const alone = Buffer.from(jsonText({ '': { [k]: v } }, 2));
            const start = Buffer.byteLength(`{\n  "": {\n    ${jsonText(k)}: `);
            out.bytes(alone.subarray(start, alone.length - '\n  }\n}'.length));
          }),
        );
        expect(out.done().equals(whole)).toBe(true);
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it('writes a member named __proto__ of an object without a prototype as its own', () => {
    const value = { k: bare([['__proto__', { a: [1, { b: '\u200b' }] }], ['x', {}]]) };
    const out = new JsonPieces();
    out.members(value, 0, (_k, inner) => out.members(inner, 1, (k, v) => out.value(v, 2, k)));
    expect(out.done().toString('utf8')).toBe(jsonText(value, 2) + '\n');
  });
});
