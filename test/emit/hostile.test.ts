// Doc text is untrusted: names, descriptions, examples, defaults, enum values and paths that
// try to end a comment or a string, or to become code. The SDK must compile, run no injected
// code, and carry every string through exactly.
import { rm } from 'node:fs/promises';
import { ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emitSdk, type EmittedSdk } from '../../generator/emit/sdk.js';
import { typeErrors } from '../../generator/emit/type-check.js';
import type { Field } from '../../generator/model/types.js';
import { importSdk, writeRunnableSdk } from '../helpers/sdk.js';
import { field, model, operation, structure } from '../support/model.js';

const INJECTIONS = [
  '*/ globalThis.pwned = "comment"; /*',
  "'; globalThis.pwned = 'quote'; '",
  '"; globalThis.pwned = "dquote"; "',
  '`; globalThis.pwned = `tick`; `',
  '${globalThis.pwned = "template"}',
  '\\',
  'line\nbreak */ globalThis.pwned = 1; //',
  '\u2028*/ globalThis.pwned = "ls"; /*\u2029',
  '</script><script>globalThis.pwned = "html"</script>',
  '&lt;&#x2a;/&gt;',
  '@param evil @returns */',
  '\r\n*/\r\n',
];

const NAMES = ['__proto__', 'constructor', 'default', 'class', '123abc', 'a-b', '名称', 'toString', ...INJECTIONS];

const hostileField = (name: string, i: number, props: Partial<Field> = {}): Field =>
  field(name, {
    description: INJECTIONS[i % INJECTIONS.length],
    example: INJECTIONS[(i + 1) % INJECTIONS.length],
    default: INJECTIONS[(i + 2) % INJECTIONS.length],
    ...props,
  });

const ENUM = INJECTIONS.slice(0, 6);

const hostile = model(
  [
    operation('send', {
      summary: INJECTIONS[0],
      description: INJECTIONS[6],
      http: { verb: 'POST', path: "/api/v3/a'b`${c}\\d" },
      params: [
        ...NAMES.map((name, i) => hostileField(name, i, { in: i % 2 ? 'query' : 'body' })),
        hostileField('mode', 0, { enum: ENUM, required: true, in: 'body' }),
      ],
      response: '*/ Evil',
    }),
    operation('constructor', { client: '../../evil', summary: INJECTIONS[1] }),
    operation('__proto__', { client: 'index' }),
    operation('delete', { client: 'index' }),
  ],
  [
    structure('*/ Evil', NAMES.map((name, i) => hostileField(name, i))),
    structure('__proto__', [hostileField('x', 3)]),
    structure('class', [hostileField('kind', 4, { enum: ENUM, enumClosed: true })]),
    structure('userDto', []),
    structure('UserDto', []),
    structure('CON', []),
  ],
);

let sdk: EmittedSdk<string>;
let dir: string;
beforeAll(async () => {
  sdk = await emitSdk(hostile, { packageName: INJECTIONS[2] }); // type-checks, or throws
  dir = await writeRunnableSdk(sdk.files);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('hostile doc text', () => {
  test('the SDK compiles under strict, with one file per structure (case and device names mapped)', () => {
    expect([...sdk.files.keys()].filter((p) => p.startsWith('src/'))).toEqual([
      'src/ManagementClient.ts',
      'src/_evil.ts',
      'src/index.ts',
      'src/index2.ts',
      'src/models/CON_.ts',
      'src/models/UserDto.ts',
      'src/models/_Evil.ts',
      'src/models/__proto__.ts',
      'src/models/class_.ts',
      'src/models/userDto2.ts',
      'src/runtime.ts',
    ]);
  });

  test('no comment or string is closed early: injected words are never code', () => {
    for (const [path, text] of sdk.files) {
      if (!path.endsWith('.ts')) continue;
      const identifiers = new Set<string>();
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
      for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
        if (token === ts.SyntaxKind.Identifier) identifiers.add(scanner.getTokenValue());
      }
      expect(identifiers.has('pwned'), path).toBe(false);
      expect(identifiers.has('script'), path).toBe(false);
    }
  });

  test('importing and calling the SDK runs no injected code, and keys and path round-trip', async () => {
    const exported = await importSdk(dir);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    const sent: { url: string; body: unknown }[] = [];
    const Client = exported.ManagementClient as new (options: object) => Record<string, (params: object) => Promise<unknown>>;
    const client = new Client({
      baseUrl: 'http://h',
      fetch: async (url: string, init: RequestInit) => {
        sent.push({ url, body: JSON.parse(String(init.body)) });
        return Response.json({ statusCode: 200 });
      },
    });
    const params = Object.fromEntries(NAMES.map((name) => [name, `v:${name}`]).concat([['mode', ENUM[0]]]));
    await client.send(params);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();

    const url = new URL(sent[0].url);
    expect(url.pathname).toBe(new URL("http://h/api/v3/a'b`${c}\\d").pathname);
    const inQuery = NAMES.filter((_, i) => i % 2);
    expect([...url.searchParams.keys()]).toEqual(inQuery);
    for (const name of inQuery) expect(url.searchParams.get(name)).toBe(`v:${name}`);
    const inBody = NAMES.filter((_, i) => i % 2 === 0).concat('mode');
    expect(Object.keys(sent[0].body as object)).toEqual(inBody);
    for (const name of inBody) expect(Object.getOwnPropertyDescriptor(sent[0].body, name)?.value).toBe(params[name]);
    expect(({} as Record<string, unknown>)['v:__proto__']).toBeUndefined();
  });

  test('method names: constructor and __proto__ are mapped or safe; reserved words stay', async () => {
    const exported = await importSdk(dir);
    const evil = new (exported._evil as new (o: object) => object)({ baseUrl: 'http://h' });
    expect(typeof (evil as Record<string, unknown>).constructor_).toBe('function');
    const index = new (exported.index as new (o: object) => object)({ baseUrl: 'http://h' });
    expect(typeof (index as Record<string, unknown>).delete).toBe('function');
    expect(Object.getPrototypeOf(index)).toBe((exported.index as { prototype: object }).prototype);
  });

  test('enum values are exact string literal types: each one accepted; open unions take other values, closed ones nothing else', async () => {
    const usage = [
      "import type { SendParams } from './ManagementClient.js';",
      "import type { class_ } from './models/class_.js';",
      `const modes: SendParams['mode'][] = [${ENUM.map((v) => JSON.stringify(v)).join(', ')}];`,
      `const kinds: NonNullable<class_['kind']>[] = [${ENUM.map((v) => JSON.stringify(v)).join(', ')}];`,
      'export { modes, kinds };',
    ].join('\n');
    expect(await typeErrors(new Map([...sdk.files, ['src/usage.ts', usage]]))).toEqual([]);
    const other = "import type { SendParams } from './ManagementClient.js';\nexport const m: SendParams['mode'] = 'other';\n";
    expect(await typeErrors(new Map([...sdk.files, ['src/usage.ts', other]]))).toEqual([]);
    const closed = "import type { class_ } from './models/class_.js';\nexport const k: class_['kind'] = 'other';\n";
    expect(await typeErrors(new Map([...sdk.files, ['src/usage.ts', closed]]))).toHaveLength(1);
  });
});
