// Crafted pages (test/fixtures/hostile/injection, built like corpus pages) whose names,
// descriptions, examples, defaults and enum values try to end a comment or a string, open a
// template, close a script, or name a prototype. From page to compiled SDK: the text a reader
// sees on the page is the text in the model, the OpenAPI file, the JSDoc and the literal
// types; nothing of it runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project, ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Field, Model } from '../../generator/model/types.js';
import { cliPath } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/pages.js';
import { compilerExecutable } from '../../generator/emit/native-compiler.js';

const PAGES = path.join(fixturesDir, 'hostile/injection');

let work: string;
let out: string;
let model: Model;
let generated: { code: number | null; stderr: string };
let compiled: { code: number | null; output: string };

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'docsdk-injection-'));
  out = path.join(work, 'sdk');
  const run = spawnSync(process.execPath, [cliPath, 'generate', PAGES, '--out', out, '--no-cache'], { cwd: work, encoding: 'utf8' });
  generated = { code: run.status, stderr: run.stderr };
  model = JSON.parse(readFileSync(path.join(out, 'docsdk-model.json'), 'utf8'));
  const tsc = spawnSync(compilerExecutable(), ['-p', path.join(out, 'tsconfig.json'), '--strict'], { encoding: 'utf8' });
  compiled = { code: tsc.status, output: tsc.stdout + tsc.stderr };
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pwned = () => (globalThis as Record<string, unknown>).pwned;

describe('hostile pages, read', () => {
  it('every hostile text in the model is the text a reader sees on the page', () => {
    const send = model.clients.find((c) => c.name === 'ManagementClient')!.operations[0];
    expect([send.summary, send.description]).toEqual([
      "Send hostile */ globalThis.pwned = 'summary'; /*",
      "para\u2028graph\u2029 */ globalThis.pwned = 'ls'; /* </script><script>globalThis.pwned = 'html'</script> ${globalThis.pwned = 'template'}",
    ]);
    expect(send.params.map((p) => [p.name, p.description, p.default, p.example])).toEqual([
      ['__proto__', "' + (globalThis.pwned = 'single') + '", "*/ globalThis.pwned = 'comment'; /*", '" + (globalThis.pwned = "double") + "'],
      ['constructor', '" + (globalThis.pwned = "double") + "', "${globalThis.pwned = 'template'}", "back\\slash \\u0041 \\n \\' \\\" \\\\"],
      ['default', "back\\slash \\u0041 \\n \\' \\\" \\\\", 5, '0'],
      ['class', "para\u2028graph\u2029 */ globalThis.pwned = 'ls'; /*", true, undefined],
      ['123abc', "</script><script>globalThis.pwned = 'html'</script>", undefined, "</script><script>globalThis.pwned = 'html'</script>"],
      ['a-b', '&amp; &lt;b&gt; are entities, <b> is not', undefined, '&amp; &lt;b&gt; are entities, <b> is not'],
      ['用户名', '@param evil @returns {never} */', undefined, '@param evil @returns {never} */'],
      ['toString', '\\*/ escaped? */ \\', undefined, undefined],
      ['hasOwnProperty', "line one\nline two */ globalThis.pwned = 'newline'; //", undefined, undefined],
      ['mode', expect.stringMatching(/^\/\* an unclosed comment Optional values are:\n- `\*\/ globalThis/), undefined, "*/ globalThis.pwned = 'enum'; /*"],
    ]);
    const hostileEnum = [
      "*/ globalThis.pwned = 'enum'; /*",
      "${globalThis.pwned = 'enum'}",
      "' + (globalThis.pwned = 1) + '",
      '" + (globalThis.pwned = 2) + "',
      'back\\slash\\',
      '</script><script>globalThis.pwned = 3</script>',
      'ls\u2028ps\u2029end',
      '&lt;entity&gt;',
      '默认值',
    ];
    expect(send.params.at(-1)!.enum).toEqual(hostileEnum);
    expect(model.structures.class.fields[0].enum).toEqual(hostileEnum);
    const list = model.clients.find((c) => c.name === 'AuthenticationClient')!.operations[0];
    expect(list.params.map((p) => [p.name, p.description, p.default, p.example, p.enum])).toEqual([
      ['__proto__', "A pipe | inside, `${globalThis.pwned = 'md'}` in code", '*/ x /*', '\'"', undefined],
      ['constructor', expect.any(String), undefined, '["a|b"]', ['a|b', "*/ globalThis.pwned = 'enum-md'; /*", '\\']],
      ['a-b', 'Entities &amp; and </script>', undefined, undefined, undefined],
    ]);
  });

  it('prototype names are structures and fields like any other', () => {
    expect(Object.getPrototypeOf(model.structures)).toBe(Object.prototype); // read back from JSON: own keys
    expect(Object.keys(model.structures)).toEqual(['HostileRespDto', 'ListHostileRespDto', '__proto__', 'class', 'constructor', 'default']);
    expect(model.structures.__proto__.fields.map((f) => f.name)).toEqual(['constructor', '__proto__']);
    expect(model.diagnostics.map((d) => `${d.file}: ${d.code}: ${d.message}`)).toEqual([
      'management/send-hostile.html: page.heading: a table under "用户信息", which names no structure, is skipped',
    ]);
  });
});

describe('hostile pages, generated', () => {
  it('generate succeeds and the SDK compiles with tsc --strict', () => {
    // Structures named with reserved words are renamed, each with a warning naming the page.
    expect(generated.stderr).toContain('management/send-hostile.html: structure:class: warning: structure class is a reserved word (or cannot be bound in strict mode); named class_ in the SDK');
    expect(generated.stderr).toContain('authentication/list-hostile.md: structure:default: warning: structure default is a reserved word (or cannot be bound in strict mode); named default_ in the SDK');
    expect(generated.stderr).toMatch(/2 pages, 2 operations, 6 structures, 0 errors, 2 warnings, 1 notes/);
    expect(generated.code).toBe(0);
    expect(compiled).toEqual({ code: 0, output: '' });
  });

  it('openapi.json carries every text exactly', () => {
    const openapi = JSON.parse(readFileSync(path.join(out, 'openapi.json'), 'utf8'));
    const send = openapi.paths['/api/v3/send-hostile'].post.requestBody.content['application/json'].schema.properties;
    const params = model.clients.find((c) => c.name === 'ManagementClient')!.operations[0].params;
    expect(Object.keys(send)).toEqual(params.map((p) => p.name));
    for (const p of params) {
      expect([send[p.name].description, send[p.name].default, send[p.name].examples?.[0]]).toEqual([p.description, p.default, p.example]);
    }
    expect(send.mode.enum).toEqual(params.at(-1)!.enum);
    expect(Object.keys(openapi.components.schemas.__proto__.properties)).toEqual(['constructor', '__proto__']);
  });

  it('JSDoc and literal types carry every text (JSDoc modulo its escapes: *\\/, \\@, line breaks)', () => {
    const docs = readDocs(path.join(out, 'src/index.ts'));
    const unescape = (text: string) => lines(text.replace(/\*\\\//g, '*/').replace(/\\@/g, '@'));
    const checked: string[] = [];
    // By a variable name: `model.structures.constructor` would be Object's, to TypeScript.
    const fieldsOf = (structure: string) => model.structures[structure].fields;
    const owners: [string, Field[]][] = [
      ['SendHostileParams', model.clients.find((c) => c.name === 'ManagementClient')!.operations[0].params],
      ['ListHostileParams', model.clients.find((c) => c.name === 'AuthenticationClient')!.operations[0].params],
      ['class_', fieldsOf('class')],
      ['__proto__', fieldsOf('__proto__')],
      ['constructor', fieldsOf('constructor')],
      ['default_', fieldsOf('default')],
      ['HostileRespDto', fieldsOf('HostileRespDto')],
    ];
    for (const [owner, fields] of owners) {
      for (const field of fields) {
        const doc = docs.get(`${owner}.${field.name}`);
        expect(doc, `${owner}.${field.name}`).toBeDefined();
        expect(unescape(doc!.text)).toBe(lines(field.description));
        if (field.default !== undefined) expect(unescape(doc!.tags.default)).toBe(JSON.stringify(field.default));
        if (field.example !== undefined) expect(unescape(doc!.tags.example)).toBe(lines(field.example));
        if (field.enum) expect(doc!.literals).toEqual(field.enum);
        checked.push(`${owner}.${field.name}`);
      }
    }
    expect(checked).toHaveLength(21);
  });

  it('importing and calling the compiled SDK runs no injected code; names and bodies round-trip; nothing is polluted', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const sdk = await import(pathToFileURL(path.join(out, 'dist/index.js')).href);
    expect(pwned()).toBeUndefined();
    const sent: { url: string; method: string; body: string }[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      sent.push({ url, method: String(init.method), body: String(init.body) });
      return new Response('{"statusCode":200,"data":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}');
    };
    const send = model.clients.find((c) => c.name === 'ManagementClient')!.operations[0].params;
    // Own properties named as the page names them (an object literal would set the prototype instead).
    const params = Object.fromEntries(send.map((p) => [p.name, p.enum?.[0] ?? `value of ${p.name}`]));
    const client = new sdk.ManagementClient({ baseUrl: 'http://api.test', fetch });
    const response = await client.sendHostile(params);
    await new sdk.AuthenticationClient({ baseUrl: 'http://api.test', fetch }).listHostile({});

    expect(pwned()).toBeUndefined();
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['POST', 'http://api.test/api/v3/send-hostile'],
      ['POST', 'http://api.test/api/v3/list-hostile'],
    ]);
    const body = JSON.parse(sent[0].body);
    expect(Object.keys(body)).toEqual(send.map((p) => p.name));
    expect(Object.entries(body)).toEqual(Object.entries(params));
    expect(Object.keys(response.data)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  it('no generated TypeScript holds an injected word as code (outside comments and strings)', () => {
    const sources = spawnSync('find', [path.join(out, 'src'), '-name', '*.ts'], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(sources.length).toBe(10);
    for (const file of sources) {
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, readFileSync(file, 'utf8'));
      const words = new Set<string>();
      for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
        if (token === ts.SyntaxKind.Identifier) words.add(scanner.getTokenValue());
      }
      expect(['pwned', 'globalThis', 'script'].filter((w) => words.has(w)), file).toEqual([]);
    }
  });
});

/** Line breaks of every kind as `\n`, lines trimmed: JSDoc keeps lines, not their indentation. */
function lines(text: string): string {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

interface PropertyDoc {
  text: string;
  tags: Record<string, string>;
  /** String literal types of the property (its items' for an array). */
  literals: string[];
}

/** Doc comment, tags and literal types of every interface property, keyed `Interface.property`, as TypeScript reads them. */
function readDocs(entry: string): Map<string, PropertyDoc> {
  // ts-morph: the in-process program, with the lib files it bundles.
  const project = new Project({ compilerOptions: { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] } });
  project.addSourceFileAtPath(entry);
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const docs = new Map<string, PropertyDoc>();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile) continue;
    ts.forEachChild(file, (node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      for (const member of node.members) {
        const symbol = checker.getSymbolAtLocation(member.name!)!;
        let type = checker.getNonNullableType(checker.getTypeAtLocation(member));
        if (checker.isArrayType(type)) type = checker.getTypeArguments(type as ts.TypeReference)[0];
        const literals = (type.isUnion() ? type.types : [type]).filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value);
        const tags = Object.fromEntries(symbol.getJsDocTags(checker).map((tag) => [tag.name, ts.displayPartsToString(tag.text)]));
        docs.set(`${node.name.text}.${symbol.name}`, { text: ts.displayPartsToString(symbol.getDocumentationComment(checker)), tags, literals });
      }
    });
  }
  return docs;
}
