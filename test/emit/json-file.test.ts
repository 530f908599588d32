// jsonFile (emit/json-file.ts): the bytes of a JSON document of the output, which a run with the
// previous file looks at for characters to escape only where they differ from it. The oracle:
// jsonText's text, escaped whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText } from '../../generator/emit/escape.js';
import { jsonFile, sharedEnds, utf8 } from '../../generator/emit/json-file.js';

const whole = (value: unknown) => Buffer.from(jsonText(value, 2) + '\n');

// Characters whose UTF-8 shares lead bytes with invisible ones (“ and ZWSP are E2 80 9C and E2 80 8B), and invisible ones.
const CHARS = ['a', '"', '\n', '“', '\u200b', '\u200e', '\u202e', '\u2060', '\ufeff', '，', '\ufe0f', '中', '\u{e0041}', '\u{1f600}', '\u00ad', '\u00e9'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((chars) => chars.join(''));
const doc = fc.record({ a: text, list: fc.array(text, { maxLength: 4 }), b: text });

describe('jsonFile', () => {
  it('is jsonText and a line break, as UTF-8, with or without the previous file', () => {
    fc.assert(
      fc.property(doc, doc, (value, before) => {
        expect(jsonFile(value).equals(whole(value))).toBe(true);
        expect(jsonFile(value, jsonFile(before)).toString('utf8')).toBe(whole(value).toString('utf8'));
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('is the same against a previous file that differs by one character anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 40 }), fc.nat(), fc.constantFrom(...CHARS), (chars, at, other) => {
        const before = [...chars];
        before[at % chars.length] = other;
        expect(jsonFile({ a: chars.join('') }, jsonFile({ a: before.join('') })).toString('utf8')).toBe(whole({ a: chars.join('') }).toString('utf8'));
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('escapes an invisible character that differs from the previous file inside a character of it', () => {
    // The files share E2 80: the first bytes that differ are the last of two characters.
    const [before, after] = [{ a: 'x“y' }, { a: 'x\u200by' }];
    const previous = jsonFile(before);
    expect(sharedEnds(previous, Buffer.from(JSON.stringify(after, null, 2) + '\n'))[0]).toBe(previous.indexOf('“') + 2);
    expect(jsonFile(after, previous).toString()).toContain('x\\u200by');
  });

  it('finds the bytes two buffers share at either end, never overlapping', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (x, y) => {
        const [a, b] = [Buffer.from(x), Buffer.from(y)];
        const [head, tail] = sharedEnds(a, b);
        expect(head + tail).toBeLessThanOrEqual(Math.min(a.length, b.length));
        expect(a.subarray(0, head).equals(b.subarray(0, head))).toBe(true);
        expect(head === Math.min(a.length, b.length) || a[head] !== b[head]).toBe(true);
        expect(a.subarray(a.length - tail).equals(b.subarray(b.length - tail))).toBe(true);
        expect(head + tail === Math.min(a.length, b.length) || a[a.length - tail - 1] !== b[b.length - tail - 1]).toBe(true);
      }),
      { seed: 16, numRuns: 2000 },
    );
    const big = Buffer.alloc(300_000, 7);
    const other = Buffer.from(big);
    other[200_001] = 8;
    expect(sharedEnds(big, other)).toEqual([200_001, 99_998]);
  });

  it('encodes a long text as Buffer.from does (utf8), whatever its characters, lone surrogates too', () => {
    const filler = 'x'.repeat(1 << 16);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS, '\ud800', '\udfff', '\u{10ffff}'), { maxLength: 60 }), fc.nat(1 << 16), (chars, at) => {
        const long = filler.slice(0, at) + chars.join('') + filler.slice(at);
        expect(utf8(long).equals(Buffer.from(long))).toBe(true);
        expect(utf8(chars.join('')).equals(Buffer.from(chars.join('')))).toBe(true);
      }),
      { seed: 16, numRuns: 200 },
    );
    // All three bytes per UTF-16 unit: the room it encodes into is just enough.
    const widest = '中'.repeat(1 << 17);
    expect(utf8(widest).equals(Buffer.from(widest))).toBe(true);
  });
});
