// Trojan Source and look-alikes: bidi controls (U+202A–202E, U+2066–2069) and invisible
// characters (ZWJ, ZWNJ, ZWSP, BOM, soft hyphen, Hangul filler…) in every place page text
// lands — names, descriptions, examples, enum values, defaults, the title — never reach a
// generated file raw; each shows as an escape, and every string still holds the page's
// value. Names that look alike (`user\u200dId` beside `userId`, NFD beside NFC `café`) warn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentLines, jsonText, markdownInline, propertyKey, stringLiteral } from '../../generator/emit/escape.js';
import { emitSdk } from '../../generator/emit/sdk.js';
import { buildModel } from '../../generator/model/build.js';
import { parsePage } from '../../generator/parse/page.js';
import { textPage } from '../helpers/pages.js';
import { namePage } from './support/name-pages.js';

const SEED = 13;
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', '\u2060', '\u3164', '\u115f', '\ufe0f', '\u034f', '\u{e0041}'];
const HIDDEN = [...BIDI, ...INVISIBLE];
const RAW_HIDDEN = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/u;

/** Text with hidden characters spread through it. */
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HIDDEN), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

describe(`escapes (seed ${SEED}, 300 runs each)`, () => {
  const options = { numRuns: 300, seed: SEED, endOnFailure: true };
  it('a string literal shows every hidden character as an escape and evaluates to the text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const literal = stringLiteral(text);
        expect(literal).not.toMatch(RAW_HIDDEN);
        expect(new Function(`return ${literal};`)()).toBe(text);
      }),
      options,
    );
  });

  it('JSON text shows them as \\u escapes and parses back to the same value', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const json = jsonText({ [text]: [text] }, 2);
        expect(json).not.toMatch(RAW_HIDDEN);
        expect(JSON.parse(json)).toEqual({ [text]: [text] });
      }),
      options,
    );
  });

  it('comments, Markdown and property keys hold none raw', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(commentLines(text).join('\n')).not.toMatch(RAW_HIDDEN);
        expect(markdownInline(text)).not.toMatch(RAW_HIDDEN);
        expect(propertyKey(text)).not.toMatch(RAW_HIDDEN);
      }),
      options,
    );
  });

  it('a key with a ZWJ is quoted, so it shows apart from the plain one', () => {
    expect(propertyKey('userId')).toBe('userId');
    expect(propertyKey('user\u200dId')).toBe("'user\\u200dId'");
    expect(commentLines('if (isAdmin\u202e\u2066 // check later\u2069\u2066) {')).toEqual(['if (isAdmin\\u202e\\u2066 // check later\\u2069\\u2066) {']);
  });
});

describe('from page to SDK', () => {
  const trojan = 'access\u202e\u2066 // admin only\u2069\u2066 level';
  const page = namePage({ client: 'UserClient', method: 'get_user', params: ['userId', 'user\u200dId', 'caf\u00e9', 'cafe\u0301'], response: 'UserDto', responseFields: ['role', 'ro\u200ble'] })
    .replace('# get_user', `# Get user ${trojan}`)
    .replace('| parameter 1 | `x` |', `| ${trojan} | \`${trojan}\` |`);

  it('warns about look-alike names, normalizes to NFC, and leaves no hidden character raw in any file', async () => {
    const result = parsePage(textPage('users/get-user.md', page));
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.section} row ${d.row}: ${d.message}`);
    expect(warnings).toEqual([
      'params row 4: field café appears twice (the same name once Unicode-normalized, NFC); the first row is kept',
      'params row 2: the name "user\u200dId" holds invisible characters (U+200D): it looks like userId',
      'params row 2: the names "userId" and "user\u200dId" look the same: they differ only by invisible characters',
      'response row 2: the name "ro\u200ble" holds invisible characters (U+200B): it looks like role',
      'response row 2: the names "role" and "ro\u200ble" look the same: they differ only by invisible characters',
    ]);
    expect(result.operation!.params.map((p) => p.name)).toEqual(['userId', 'user\u200dId', 'caf\u00e9']);

    const model = buildModel([result], { basePath: '/api/v3/' });
    const sdk = await emitSdk(model);
    for (const [file, text] of sdk.files) expect(text, file).not.toMatch(RAW_HIDDEN);
    const client = sdk.files.get('src/UserClient.ts')!;
    expect(client).toContain("'user\\u200dId'?: string;");
    expect(client).toContain('access\\u202e\\u2066 // admin only\\u2069\\u2066 level');
    expect(sdk.files.get('README.md')).toContain('Get user access\\u202e\\u2066 // admin only\\u2069\\u2066 level');
    // The data is unchanged: openapi.json parses back to the page's text.
    const openapi = JSON.parse(sdk.files.get('openapi.json')!);
    expect(JSON.stringify(openapi)).toContain(JSON.stringify(trojan).slice(1, -1));
  }, 120_000);
});
