// Reusing the previous type check (check-reuse.ts): only where the compiler would report the
// same. Each case runs the real compiler on the new package too, and the reuse decision must
// never claim "same" where the compiler reports something else.
import { describe, expect, it } from 'vitest';
import { sameCheckInputs, withoutComments, type CheckedPackage } from '../../generator/emit/check-reuse.js';
import { contentHash } from '../../generator/workflow/output-files.js';
import { typeErrors } from '../../generator/emit/type-check.js';

const BASE = new Map([
  ['package.json', '{ "type": "module" }'],
  ['tsconfig.json', '{ "compilerOptions": { "target": "ES2022", "lib": ["ES2022"], "types": [], "module": "NodeNext", "strict": true }, "include": ["src"] }'],
  ['src/models/UserDto.ts', '/** A user. */\nexport interface UserDto {\n  /** The id. */\n  id: string;\n}\n'],
  ['src/client.ts', "import type { UserDto } from './models/UserDto.js';\n/**\n * Gets a user.\n */\nexport const user: UserDto = { id: '1' };\n"],
  ['README.md', '# sdk\n'],
  ['openapi.json', '{ "info": { "title": "sdk" } }'],
]);

/** A passed package as the previous output is seen: sha256 of each file, text read on demand. */
const checkedPackage = (files: ReadonlyMap<string, string>): CheckedPackage => ({
  hashes: new Map([...files].map(([path, text]) => [path, contentHash(text)])),
  read: async (path) => files.get(path)!,
});

const edit = (path: string, change: (text: string) => string) => new Map(BASE).set(path, change(BASE.get(path)!));

/** Whether the previous (passing) check is reused for `next`, and what the compiler reports for `next`. */
async function decide(next: Map<string, string>): Promise<{ reused: boolean; errors: string[] }> {
  return { reused: await sameCheckInputs(checkedPackage(BASE), next), errors: await typeErrors(next) };
}

describe('the previous check is reused', () => {
  it('and it passed', async () => {
    expect(await typeErrors(BASE)).toEqual([]);
  });

  it.each([
    ['a JSDoc text changed', edit('src/client.ts', (t) => t.replace('Gets a user.', 'Gets one user, by id.'))],
    ['a JSDoc comment gained lines', edit('src/models/UserDto.ts', (t) => t.replace('/** The id. */', '/**\n   * The id.\n   *\n   * Unique.\n   */'))],
    ['a comment removed', edit('src/models/UserDto.ts', (t) => t.replace('/** A user. */\n', ''))],
    ['the README and openapi.json changed', new Map(BASE).set('README.md', '# other\n').set('openapi.json', '{}')],
  ])('when %s: the compiler reports no error either', async (_name, next) => {
    expect(await decide(next)).toEqual({ reused: true, errors: [] });
  });
});

describe('the compiler runs again', () => {
  it.each([
    ['a type changed', edit('src/models/UserDto.ts', (t) => t.replace('id: string', 'id: number')), ["src/client.ts:5 - TS2322: Type 'string' is not assignable to type 'number'."]],
    ['a @ts-expect-error comment was added', edit('src/client.ts', (t) => t.replace('export const user', '// @ts-expect-error\nexport const user')), ["src/client.ts:5 - TS2578: Unused '@ts-expect-error' directive."]],
    ['a triple-slash reference was added', edit('src/client.ts', (t) => `/// <reference path="./missing.d.ts" />\n${t}`), [expect.stringMatching(/^src\/client\.ts:1 - TS6053: File '.*missing\.d\.ts' not found\.$/)]],
    ['a string that looks like a comment changed', edit('src/client.ts', (t) => `${t}export const s: '/* a */' = '/* b */';\n`), ["src/client.ts:6 - TS2322: Type '\"/* b */\"' is not assignable to type '\"/* a */\"'."]],
    ['a comment removed between two lines, joining them', edit('src/client.ts', (t) => t.replace("{ id: '1' };", "{ id: '1' }\nexport const n = 1 /* x */ + 1;")), []],
    ['a file was added', new Map(BASE).set('src/extra.ts', 'export const x: number = "1";\n'), ["src/extra.ts:1 - TS2322: Type 'string' is not assignable to type 'number'."]],
    ['tsconfig.json changed', edit('tsconfig.json', (t) => t.replace('"strict": true', '"strict": true, "noUnusedLocals": true')), []],
  ])('when %s', async (_name, next, errors) => {
    const decided = await decide(next);
    expect(decided.reused).toBe(false);
    expect(decided.errors).toEqual(errors);
  });
});

describe('withoutComments', () => {
  it('reads whitespace and comments between tokens as a space or a line break; keeps strings', () => {
    expect(withoutComments("a /* x */ b // y\nc /*\n*/ d 'e /* f */' \"g // h\"")).toBe("a b\nc\nd 'e /* f */' \"g // h\"");
    expect(withoutComments('  /** doc */\n  id: string;\n')).toBe(withoutComments('/**\n * doc,\n * more\n */\nid:   string;'));
  });

  it('gives up on directives, template literals and a / that may start a regular expression', () => {
    for (const text of ['// @ts-ignore\nx', '/* @ts-nocheck */', '/// <reference types="node" />', '/** @jsx h */', 'const t = `a`;', 'const r = /"/;', 'const q = a / b;']) {
      expect(withoutComments(text)).toBeUndefined();
    }
  });

  it('compares the set of inputs, refuses JSON imports, and a previous text that is not the one checked', async () => {
    const same = (before: Map<string, string>, after: Map<string, string>) => sameCheckInputs(checkedPackage(before), after);
    expect(await same(new Map([['src/a.ts', 'x']]), new Map([['src/a.ts', 'x']]))).toBe(true);
    expect(await same(new Map([['src/a.ts', 'x'], ['src/b.ts', 'y']]), new Map([['src/a.ts', 'x']]))).toBe(false);
    // A .ts file that names a JSON file may import it: then JSON files are inputs too.
    expect(await same(new Map([['src/a.ts', "import d from './d.json';"]]), new Map([['src/a.ts', "import d from './d.json';"]]))).toBe(false);
    // The file on disk was edited after the check: its text no longer has the recorded hash.
    const edited: CheckedPackage = { hashes: new Map([['src/a.ts', contentHash('/** a */ x')]]), read: async () => '/** a */ y' };
    expect(await sameCheckInputs(edited, new Map([['src/a.ts', '/** b */ y']]))).toBe(false);
  });

  it('takes a file given without its text as the checked one only when its hash is the checked one', async () => {
    const checked = checkedPackage(new Map([['src/a.ts', 'x'], ['src/b.ts', '/** b */ y']]));
    const taken = (hash: string) => sameCheckInputs(checked, new Map([['src/a.ts', undefined], ['src/b.ts', '/** c */ y']]), new Map([['src/a.ts', hash]]));
    expect(await taken(contentHash('x'))).toBe(true);
    expect(await taken(contentHash('z'))).toBe(false);
  });
});
