// When the type check of the previous output can stand for this run's: the compiler would
// read the same inputs but for comments that cannot change what it reports. A run after one
// page's description changed then needs no compiler run at all.
//
// Why that is sound: in .ts files, comments carry no types (JSDoc types are read in .js files
// only); the only comments the compiler acts on are directives (`@ts-ignore`,
// `@ts-expect-error`, `@ts-nocheck`, triple-slash references, `@jsx` pragmas), so a file whose
// comments hold none of them compiles the same with any other such comments. Between two
// tokens, whitespace and comments count only as "a line break or not": no tokens join, and
// automatic semicolon insertion sees the same line breaks. Where the lexer below could be
// wrong (a template literal, a `/` that may start a regular expression), a file must be
// identical. And the previous text must be the one checked: its sha256 is the one recorded.
import { contentHash } from '../workflow/output-files.js';

/** Files the compiler never reads: a package's Markdown, and JSON other than its configuration (read only when imported). */
function isCheckInput(path: string): boolean {
  if (path.endsWith('.md')) return false;
  if (path.endsWith('.json')) return /(^|\/)(tsconfig|package)\.json$/.test(path);
  return true;
}

/** A check input whose text names a JSON file, which it may import: JSON files are then inputs too. */
export function mayImportJson(path: string, text: string): boolean {
  return isCheckInput(path) && !path.endsWith('.json') && text.includes('.json');
}

/** Comments the compiler acts on. */
const DIRECTIVE = /@ts-|@jsx|^\/\/\//;

const [SPACE, TAB, LF, CR, SLASH, STAR, BACKTICK, DOUBLE_QUOTE, QUOTE, BACKSLASH] = [...' \t\n\r/*`"\'\\'].map((ch) => ch.charCodeAt(0));
/** Characters that start nothing withoutComments tells apart (whitespace, a comment, a string, a template, a regular expression). */
const PLAIN_RUN = /[^ \t\n\r/`"']+/y;

/**
 * The tokens of `text` with every run of whitespace and comments between them as one space,
 * or one line break when the run held one; undefined when it has a directive comment or a
 * construct this lexer does not follow (template literals, a `/` outside comments, which
 * may start a regular expression).
 */
export function withoutComments(text: string): string | undefined {
  let out = '';
  let gap: '' | ' ' | '\n' = '';
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      if (!gap) gap = ' ';
      i++;
      continue;
    }
    if (c === LF || c === CR) {
      gap = '\n';
      i++;
      continue;
    }
    if (c === SLASH && (text.charCodeAt(i + 1) === SLASH || text.charCodeAt(i + 1) === STAR)) {
      const line = text.charCodeAt(i + 1) === SLASH;
      const end = line ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : line ? end : end + 2;
      const comment = text.slice(i, stop);
      if (DIRECTIVE.test(comment)) return undefined;
      if (comment.includes('\n')) gap = '\n';
      else if (!gap) gap = ' ';
      i = stop;
      continue;
    }
    if (c === BACKTICK || c === SLASH) return undefined;
    let end: number;
    if (c === DOUBLE_QUOTE || c === QUOTE) {
      // A string: to its closing quote, escapes skipped; a line break ends an unterminated one.
      end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== c && text.charCodeAt(end) !== LF) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
      end++;
    } else {
      // A run of characters none of the above can start: one token as far as gaps go (a gap is only put between tokens).
      PLAIN_RUN.lastIndex = i + 1;
      end = PLAIN_RUN.test(text) ? PLAIN_RUN.lastIndex : i + 1;
    }
    out += (out ? gap : '') + text.slice(i, end);
    gap = '';
    i = end;
  }
  return out;
}

/** A package the compiler passed: each file's sha256, and its text read on demand. */
export interface CheckedPackage {
  hashes: ReadonlyMap<string, string>;
  read(path: string): Promise<string>;
}

/**
 * Whether the compiler, given the files of `next` (the .ts files with tsconfig.json and
 * package.json, relative path → text; `nextHashes`: their sha256, where known), reports what
 * it reported for `checked` (a package it passed). A text left out (undefined) is the checked
 * package's file as it is (its sha256 in `nextHashes`), which the caller knows names no JSON
 * file (mayImportJson).
 */
export async function sameCheckInputs(checked: CheckedPackage, next: ReadonlyMap<string, string | undefined>, nextHashes?: ReadonlyMap<string, string>): Promise<boolean> {
  const before = [...checked.hashes.keys()].filter(isCheckInput).sort();
  const after = [...next.keys()].filter(isCheckInput).sort();
  if (before.length !== after.length || before.some((path, i) => path !== after[i])) return false;
  for (const path of after) {
    const text = next.get(path);
    const hash = checked.hashes.get(path)!;
    if (text === undefined) {
      if (nextHashes?.get(path) !== hash) return false;
      continue;
    }
    if (mayImportJson(path, text)) return false;
    if ((nextHashes?.get(path) ?? contentHash(text)) === hash) continue;
    if (!path.endsWith('.ts')) return false;
    const stripped = withoutComments(text);
    if (stripped === undefined) return false;
    const old = await checked.read(path).catch(() => undefined);
    // The file read must be the one that was checked.
    if (old === undefined || contentHash(old) !== hash || withoutComments(old) !== stripped) return false;
  }
  return true;
}
