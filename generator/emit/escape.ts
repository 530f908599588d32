// Doc text is untrusted: every piece of it that reaches a generated file goes through one of
// these functions, so no description, example or name can end a comment or a string, or
// become code.

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
// C0/C1 controls except tab: harmless in a comment but they make a source file unreadable.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// A UTF-16 half without its partner cannot be written as UTF-8; it would come back as U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Trojan Source: bidi controls reorder what an editor shows (U+202A–202E, U+2066–2069, marks),
// and default-ignorable characters (ZWSP, ZWJ, ZWNJ, BOM, soft hyphen, variation selectors,
// Hangul fillers, tags) show as nothing. Either makes code read otherwise than it runs.
const INVISIBLE_SOURCE = '[\\p{Bidi_Control}\\p{Default_Ignorable_Code_Point}]';
const INVISIBLE = new RegExp(INVISIBLE_SOURCE, 'gu');
const HAS_INVISIBLE = new RegExp(INVISIBLE_SOURCE, 'u');

/** `\u202e`, `\u{e0041}`: how an invisible character is shown in generated text. */
function codePointEscape(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : '\\u' + cp.toString(16).padStart(4, '0');
}

/** Whether `text` holds a bidi control or an invisible character. */
export function hasInvisible(text: string): boolean {
  return HAS_INVISIBLE.test(text);
}

/** `text` with every bidi control and invisible character written as a visible `\uXXXX` escape. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, codePointEscape);
}

// What commentLine changes: controls, lone surrogates, invisible characters, `*\/` and `@`.
const COMMENT_UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f@]|\\*\\/|\\p{Cs}|${INVISIBLE_SOURCE}`, 'u');

/** One line of doc text, safe in a comment. Most lines need nothing: one scan, instead of one per escape. */
function commentLine(line: string): string {
  if (!COMMENT_UNSAFE.test(line)) return line.trimEnd();
  return line
    .replace(CONTROL, ' ')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(INVISIBLE, codePointEscape)
    .replace(/\*\//g, '*\\/')
    .replace(/(^|\s)@/g, '$1\\@')
    .trimEnd();
}

/**
 * Doc text as lines for a `/** … *\/` comment: line breaks of every kind split lines, `*\/`
 * cannot end the comment, and `@` after a space cannot start a JSDoc tag. Blank lines at
 * either end are dropped.
 */
export function commentLines(text: string): string[] {
  const lines = text.split(LINE_BREAK).map(commentLine);
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}

const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

// What a string literal cannot hold as is: quote, backslash, controls, line separators, lone
// surrogates, and (to be seen) bidi controls and invisible characters.
const UNSAFE_IN_STRING = new RegExp(`[\\\\'\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]|${LONE_SURROGATE.source}|${INVISIBLE_SOURCE}`, 'gu');

/** A single-quoted TypeScript string literal that evaluates to exactly `value`. */
export function stringLiteral(value: string): string {
  const escaped = value.replace(UNSAFE_IN_STRING, (ch) => STRING_ESCAPES[ch] ?? codePointEscape(ch));
  return `'${escaped}'`;
}

/** JSON text of `value` (as JSON.stringify) with bidi controls and invisible characters as `\uXXXX` escapes: the same data, seen as it is. */
export function jsonText(value: unknown, indent?: number): string {
  return invisibleEscapedInJson(JSON.stringify(value, null, indent));
}

/** JSON text (as JSON.stringify writes it) with its bidi controls and invisible characters as `\uXXXX` escapes (JSON's own, unlike showInvisible's). */
export function invisibleEscapedInJson(json: string): string {
  // JSON has no `\u{…}`: a character beyond U+FFFF is written as its two UTF-16 units.
  const units = (ch: string) => Array.from({ length: ch.length }, (_, i) => '\\u' + ch.charCodeAt(i).toString(16).padStart(4, '0')).join('');
  return json.replace(INVISIBLE, units);
}

const IDENTIFIER = /^[$_\p{ID_Start}][$\u200c\u200d\p{ID_Continue}]*$/u;

/** A valid ECMAScript identifier name (reserved words included: they are fine as property names). */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * A property name as written in an interface or object type: bare when it is an identifier,
 * quoted otherwise. `__proto__` is always quoted so no reader mistakes it for the prototype,
 * and so is a name holding an invisible character (ZWJ, ZWNJ), which then shows as an escape.
 */
export function propertyKey(name: string): string {
  return isIdentifierName(name) && name !== '__proto__' && !hasInvisible(name) ? name : stringLiteral(name);
}

/** Doc text as one line of Markdown table cell or paragraph: no HTML, no table breaks. */
export function markdownInline(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    .replace(CONTROL, ' ')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/[\\`*_[\]|<>&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : '\\' + ch))
    // After the Markdown escapes: a backslash before a letter is shown as it is.
    .replace(INVISIBLE, codePointEscape);
}
