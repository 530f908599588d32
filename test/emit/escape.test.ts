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
