// Doc text is untrusted: every piece of it that reaches a generated file goes through one of
// these functions, so no description, example or name can end a comment or a string, or
// become code.

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
// C0/C1 controls except tab: harmless in a comment but they make a source file unreadable.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// A UTF-16 half without its partner cannot be written as UTF-8; it would come back as U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Doc text as lines for a `/** … *\/` comment: line breaks of every kind split lines, `*\/`
 * cannot end the comment, and `@` after a space cannot start a JSDoc tag. Blank lines at
 * either end are dropped.
 */
export function commentLines(text: string): string[] {
  const lines = text.split(LINE_BREAK).map((line) =>
    line
      .replace(CONTROL, ' ')
      .replace(LONE_SURROGATE, '\ufffd')
      .replace(/\*\//g, '*\\/')
      .replace(/(^|\s)@/g, '$1\\@')
      .trimEnd(),
  );
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

// What a string literal cannot hold as is: quote, backslash, controls, line separators, lone surrogates.
const UNSAFE_IN_STRING = new RegExp(`[\\\\'\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]|${LONE_SURROGATE.source}`, 'g');

/** A single-quoted TypeScript string literal that evaluates to exactly `value`. */
export function stringLiteral(value: string): string {
  const escaped = value.replace(
    UNSAFE_IN_STRING,
    (ch) => STRING_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
  return `'${escaped}'`;
}

const IDENTIFIER = /^[$_\p{ID_Start}][$\u200c\u200d\p{ID_Continue}]*$/u;

/** A valid ECMAScript identifier name (reserved words included: they are fine as property names). */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * A property name as written in an interface or object type: bare when it is an identifier,
 * quoted otherwise. `__proto__` is always quoted so no reader mistakes it for the prototype.
 */
export function propertyKey(name: string): string {
  return isIdentifierName(name) && name !== '__proto__' ? name : stringLiteral(name);
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
    .replace(/[\\`*_[\]|<>&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : '\\' + ch));
}
