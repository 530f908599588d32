import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { commentLines, isIdentifierName, markdownInline, propertyKey, stringLiteral } from '../../generator/emit/escape.js';

/** Evaluates a string literal the way the generated code will. */
const evaluate = (literal: string): unknown => new Function(`return ${literal};`)();

describe('stringLiteral', () => {
  test.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['a\nb\r\tc', "'a\\nb\\r\\tc'"],
    ['\u2028\u2029', "'\\u2028\\u2029'"],
    ['${x}`', "'${x}`'"],
    ['</script>', "'</script>'"],
    ['用户', "'用户'"],
    ['\u0000\u007f', "'\\u0000\\u007f'"],
    ['\ud800', "'\\ud800'"],
    ['😀', "'😀'"],
  ])('%j → %s', (value, literal) => {
    expect(stringLiteral(value)).toBe(literal);
    expect(evaluate(literal)).toBe(value);
  });

  test('every string round-trips and stays on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const literal = stringLiteral(value);
        expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(evaluate(literal)).toBe(value);
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});

describe('commentLines', () => {
  test('splits every kind of line break and trims blank edges', () => {
    expect(commentLines('\n a\r\nb\rc\u2028d\u2029e  \n\n')).toEqual([' a', 'b', 'c', 'd', 'e']);
  });

  test('cannot close the comment or start a tag', () => {
    expect(commentLines('end */ here; x**/y @param p @evil and a@b.c')).toEqual(['end *\\/ here; x**\\/y \\@param p \\@evil and a@b.c']);
    expect(commentLines('@returns x')).toEqual(['\\@returns x']);
  });

  test('no input survives as a comment end, a line break or a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const line of commentLines(text)) {
          expect(line).not.toContain('*/');
          expect(line).not.toMatch(/[\n\r\u2028\u2029\u0000-\u0008]/);
          // The comment around it still parses as one comment.
          expect(evaluate(`/** ${line} */ 1`)).toBe(1);
        }
      }),
      { seed: 4, numRuns: 500 },
    );
  });
});

/** Units that doc text can hold and that escaping must see: bidi controls, invisible characters, line separators, halves of pairs, tags. */
const HOSTILE_UNITS = ['\u202e', '\u2066', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u180e', '\u{e0041}', '\u{1d173}', '\u2028', '\u2029', '\ud800', '\udc00', '\ud834', '😀', '\u0000', '\u0085', '\u000b', '\n', '\r', '\t', ' ', '*', '/', '@', '`', 'a', '用'];
const hostileText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...HOSTILE_UNITS), maxLength: 12 }));

describe('commentLines: one scan when there is nothing to escape', () => {
  /** commentLines as it was before that shortcut: every escape on every line. */
  const everyEscape = (text: string): string[] => {
    const lines = text.split(/\r\n|[\n\r\u2028\u2029]/).map((line) =>
      line
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        .replace(/[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/gu, (ch) => {
          const cp = ch.codePointAt(0)!;
          return cp > 0xffff ? `\\u{${cp.toString(16)}}` : '\\u' + cp.toString(16).padStart(4, '0');
        })
        .replace(/\*\//g, '*\\/')
        .replace(/(^|\s)@/g, '$1\\@')
        .trimEnd(),
    );
    while (lines.length && lines[0].trim() === '') lines.shift();
    while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
    return lines;
  };

  test.each(HOSTILE_UNITS.flatMap((unit) => [unit, `a${unit}b`, ` ${unit} `]))('%j', (text) => {
    expect(commentLines(text)).toEqual(everyEscape(text));
  });

  test('the same lines as every escape, on any text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(commentLines(text)).toEqual(everyEscape(text));
      }),
      { seed: 16, numRuns: 2000 },
    );
  });
});

describe('propertyKey', () => {
  test.each([
    ['userId', 'userId'],
    ['default', 'default'],
    ['class', 'class'],
    ['名称', '名称'],
    ['$ref', '$ref'],
    ['a-b', "'a-b'"],
    ['123abc', "'123abc'"],
    ['', "''"],
    ["x'; alert(1); '", "'x\\'; alert(1); \\''"],
    ['__proto__', "'__proto__'"],
    ['constructor', 'constructor'],
  ])('%j → %s', (name, key) => {
    expect(propertyKey(name)).toBe(key);
  });

  test('isIdentifierName', () => {
    expect(['a', '_a', '$', 'a1', 'ä', '名'].every(isIdentifierName)).toBe(true);
    expect(['1a', 'a b', 'a-b', '', 'a.b'].some(isIdentifierName)).toBe(false);
  });
});

describe('markdownInline', () => {
  test('one line, no HTML, no table or emphasis breaks', () => {
    expect(markdownInline('a | b\n<script>x</script> *c* `d` [e](f) & g')).toBe(
      'a \\| b &lt;script&gt;x&lt;/script&gt; \\*c\\* \\`d\\` \\[e\\](f) &amp; g',
    );
  });
});
