// The load check loads what it must and no more: a module of interfaces is empty once types
// are stripped, so re-exporting it is a no-op and it need not be loaded; anything else is.
// What throws, does not construct, or never finishes loading is reported, naming the file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutComments } from '../../generator/emit/check-reuse.js';
import { checkSdkLoads, isTypeOnly, transpile, withoutEmptyModules } from '../../generator/emit/load-check.js';

const EMPTY = '// Generated.\n\n/**\n * A user.\n */\n\n\n';

describe('withoutEmptyModules', () => {
  it('drops re-exports of empty modules and the modules nothing else names', () => {
    const js = new Map([
      ['src/index.js', "export * from './runtime.js';\nexport * from './models/User.js';\nexport * from './models/Role.js';\n"],
      ['src/runtime.js', 'export class HttpClient {}\n'],
      ['src/models/User.js', EMPTY],
      ['src/models/Role.js', "export const roles = ['a'];\n"],
    ]);
    expect(withoutEmptyModules(js)).toEqual(
      new Map([
        ['src/index.js', "export * from './runtime.js';\n\nexport * from './models/Role.js';\n"],
        ['src/runtime.js', 'export class HttpClient {}\n'],
        ['src/models/Role.js', "export const roles = ['a'];\n"],
      ]),
    );
  });

  it('keeps an empty module another module still names, and every module next to an import() of a computed name', () => {
    const named = new Map([
      ['src/index.js', "import './models/User.js';\nexport * from './models/User.js';\n"],
      ['src/models/User.js', EMPTY],
    ]);
    expect([...withoutEmptyModules(named).keys()]).toEqual(['src/index.js', 'src/models/User.js']);
    const computed = new Map([
      ['src/index.js', "export * from './models/User.js';\nexport const load = (name) => import(name);\n"],
      ['src/models/User.js', EMPTY],
    ]);
    expect(withoutEmptyModules(computed)).toEqual(computed);
  });
});

describe('checkSdkLoads', () => {
  it('still reports a module that throws when imported, re-exported by the index', async () => {
    const files = new Map([
      ['src/index.ts', "export * from './models/User.js';\nexport * from './Bad.js';\n"],
      ['src/models/User.ts', 'export interface User {\n  id: string;\n}\n'],
      ['src/Bad.ts', "throw new Error('boom');\n"],
    ]);
    expect(await checkSdkLoads(files, [])).toEqual(['src/index.ts: does not load: Error: boom']);
  });

  it('reports a client that does not construct or exports no such class, and passes one that loads', async () => {
    const files = new Map([
      ['src/index.ts', "export * from './Broken.js';\nexport * from './Good.js';\n"],
      ['src/Broken.ts', "export class Broken {\n  constructor(readonly options: object) {\n    throw new TypeError('no options');\n  }\n}\n"],
      ['src/Good.ts', "import type { User } from './models/User.js';\nexport class Good {\n  constructor(readonly options: object) {}\n  getUser(): User | undefined {\n    return undefined;\n  }\n}\n"],
      ['src/models/User.ts', 'export interface User {\n  id: string;\n}\n'],
    ]);
    expect(
      await checkSdkLoads(files, [
        { file: 'src/Broken.ts', className: 'Broken', methods: [] },
        { file: 'src/Good.ts', className: 'Missing', methods: [] },
        { file: 'src/Good.ts', className: 'Good', methods: ['getUser'] },
      ]),
    ).toEqual(['src/Broken.ts: new Broken(…) throws: TypeError: no options', 'src/Good.ts: exports no class Missing']);
  });

  it('loads an SDK that does not type-check (the types are stripped, not checked)', async () => {
    const files = new Map([['src/index.ts', "export const n: number = 'x';\nthrow new Error('loaded');\n"]]);
    expect(await checkSdkLoads(files, [])).toEqual(['src/index.ts: does not load: Error: loaded']);
  });

  it('stops a module whose top-level code never ends, and says so', async () => {
    const files = new Map([['src/index.ts', 'while (Date.now() > 0) {}\nexport {};\n']]);
    expect(await checkSdkLoads(files, [], 500)).toEqual(["the SDK did not finish loading within 0.5 s (a template's top-level code?)"]);
  });
});

describe('isTypeOnly', () => {
  /** The JavaScript the load check's compiler run makes of each text. */
  const javascript = async (texts: string[]) => {
    const dir = await mkdtemp(join(tmpdir(), 'docsdk-type-only-'));
    try {
      const js = await transpile(new Map(texts.map((text, i) => [`src/f${i}.ts`, text])), dir);
      return texts.map((_, i) => js.get(`src/f${i}.js`)!);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  /** No code: nothing, the `export {};` that marks a module, or the strict-mode directive of a script. */
  const isEmpty = (js: string) => ['', 'export {};', '"use strict";'].includes(withoutComments(js)!);

  it('takes files of interfaces, type aliases and type imports, strings holding braces and semicolons included', async () => {
    const text = [
      '// Generated.',
      "import type { A } from './A.js';",
      '/** Doc: { not code; } */',
      "export interface User {\n  /** x */\n  id: string;\n  'a-b'?: { nested: (A | 'x}{;')[] };\n  fn: (a: string) => void;\n}",
      "export type Role = 'admin' | \"it's; }\" | (string & {});",
      'export type Map = Record<string, { a: number }>;',
    ].join('\n');
    expect(isTypeOnly(text)).toBe(true);
    expect(isEmpty((await javascript([text]))[0])).toBe(true);
  });

  it.each([
    ['a constant', 'export const a = 1;\n'],
    ['an enum', 'export enum E { A }\n'],
    ['a class', 'export class C {}\n'],
    ['a value re-export', "export { a } from './a.js';\n"],
    ['a side-effect import', "import './a.js';\n"],
    ['a type alias whose `;` is missing before a constant', 'export type A = string\nexport const a = 1;\n'],
    ['a template literal type', 'export type A = `x${string}`;\n'],
    ['an unbalanced brace', 'export interface A { a: string;\n'],
    ['a closing brace too many', 'export interface A { a: string; } }\n'],
    ['a declaration it does not know', 'declare const a: string;\n'],
  ])('refuses %s', (_, text) => {
    expect(isTypeOnly(text)).toBe(false);
  });

  it('never takes a file whose JavaScript is not empty (random files of type and value statements, compiled in one run)', async () => {
    const pieces = [
      'export interface A { a: string; b?: { c: number }[] }',
      "export type B = 'x' | 'y;' | { z: '}' };",
      "import type { C } from './C.js';",
      'export type D = (a: number) => void;',
      'export const e = 1;',
      'export function f() {}',
      'export type G = string',
      'interface H { h: string }',
      "export * from './i.js';",
      '/** } { ; */',
      'throw new Error("x");',
      'export default {};',
    ];
    const texts = fc
      .sample(fc.tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.constantFrom('\n', ' ', '\n\n')), { seed: 16, numRuns: 2000 })
      .map(([chosen, gap]) => chosen.join(gap) + '\n');
    const typeOnly = texts.filter((text) => isTypeOnly(text));
    // The control: the sample holds files of both kinds.
    expect(typeOnly.length).toBeGreaterThan(100);
    expect(typeOnly.length).toBeLessThan(texts.length - 100);
    const js = await javascript(typeOnly);
    expect(typeOnly.filter((text, i) => !isEmpty(js[i]))).toEqual([]);
  });
});
