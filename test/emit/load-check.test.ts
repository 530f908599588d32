// The load check loads what it must and no more: a module of interfaces is empty once types
// are stripped, so re-exporting it is a no-op and it need not be loaded; anything else is.
import { describe, expect, it } from 'vitest';
import { checkSdkLoads, withoutEmptyModules } from '../../generator/emit/load-check.js';

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
