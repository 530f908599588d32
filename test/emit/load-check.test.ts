// The load check loads what it must and no more: a module of interfaces is empty once types
// are stripped, so re-exporting it is a no-op and it need not be loaded; anything else is.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutComments } from '../../generator/emit/check-reuse.js';
import { checkSdkLoads, isTypeOnly, withoutEmptyModules } from '../../generator/emit/load-check.js';

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
});

describe('isTypeOnly', () => {
  const { transform } = createRequire(import.meta.url)('sucrase') as typeof import('sucrase');
  const javascript = (text: string) => transform(text, { transforms: ['typescript'], disableESTransforms: true }).code;

  it('takes files of interfaces, type aliases and type imports, strings holding braces and semicolons included', () => {
    const text = [
      '// Generated.',
      "import type { A } from './A.js';",
      '/** Doc: { not code; } */',
      "export interface User {\n  /** x */\n  id: string;\n  'a-b'?: { nested: (A | 'x}{;')[] };\n  fn: (a: string) => void;\n}",
      "export type Role = 'admin' | \"it's; }\" | (string & {});",
      'export type Map = Record<string, { a: number }>;',
    ].join('\n');
    expect(isTypeOnly(text)).toBe(true);
    expect(withoutComments(javascript(text))).toBe('');
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

  it('never takes a file whose JavaScript is not empty (random files of type and value statements)', () => {
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
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.constantFrom('\n', ' ', '\n\n'), (chosen, gap) => {
        const text = chosen.join(gap) + '\n';
        if (isTypeOnly(text)) expect(withoutComments(javascript(text)), text).toBe('');
      }),
      { seed: 16, numRuns: 2000 },
    );
  });
});
