// Names that compile but break at run time: every JS/TS reserved word, strict-mode
// restriction, built-in global and Object.prototype member, used at once as a client, a
// method, a parameter and a structure name. The generated SDK must compile under
// `tsc --strict`, import, construct every client (none a thenable) and call a method of
// each against a local server.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ECMASCRIPT_GLOBALS, HOST_GLOBALS } from '../../generator/emit/global-names.js';
import { checkSdkLoads } from '../../generator/emit/load-check.js';
import { cliPath, repoRoot } from '../helpers/cli.js';
import { namePage } from './support/name-pages.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFolder } from '../../generator/workflow/output-files.js';
import { generate, project } from '../support/workflow-pages.js';

const RESERVED = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
];
const STRICT_MODE = ['eval', 'arguments', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await'];
const TYPESCRIPT = [
  'abstract', 'accessor', 'any', 'as', 'asserts', 'async', 'bigint', 'boolean', 'constructor', 'declare', 'from', 'get', 'global',
  'infer', 'intrinsic', 'is', 'keyof', 'module', 'namespace', 'never', 'number', 'object', 'of', 'out', 'override', 'readonly',
  'require', 'satisfies', 'set', 'string', 'symbol', 'type', 'undefined', 'unique', 'unknown', 'using',
];
const PROTOTYPE = [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Function.prototype), 'then', 'prototype'];
const NAMES = [...new Set([...RESERVED, ...STRICT_MODE, ...TYPESCRIPT, ...ECMASCRIPT_GLOBALS, ...HOST_GLOBALS, ...PROTOTYPE])].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
const TSC = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

let work: string;
let server: Server;
let baseUrl: string;
const requests: string[] = [];
beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'docsdk-names-'));
  mkdirSync(path.join(work, 'pages'));
  NAMES.forEach((name, i) => {
    writeFileSync(path.join(work, 'pages', `page-${String(i).padStart(3, '0')}.md`), namePage({ client: name, method: name, params: [name], response: name }));
  });
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":"ok"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

test(`${NAMES.length} unsafe names as client, method, parameter and structure: the SDK compiles, loads, constructs and calls`, async () => {
  expect(NAMES.length).toBeGreaterThan(250);
  const run = spawnSync(process.execPath, [cliPath, 'generate', 'pages', '--out', 'sdk', '--no-cache'], { cwd: work, encoding: 'utf8' });
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(run.status).toBe(0);
  // Each rename is a warning naming the page.
  expect(run.stderr).toMatch(/page-\d+\.md: method: warning: client eval is a reserved word \(or cannot be bound in strict mode\); named eval_ in the SDK/);
  expect(run.stderr).toMatch(/warning: method then would make every client a thenable; named then_ in the SDK/);
  expect(run.stderr).toMatch(/warning: structure Promise is a built-in global, which the SDK's code would then no longer reach; named Promise_ in the SDK/);

  const sdk = path.join(work, 'sdk');
  const compile = spawnSync(process.execPath, [TSC, '-p', path.join(sdk, 'tsconfig.json'), '--strict'], { encoding: 'utf8' });
  expect(compile.stdout + compile.stderr).toBe('');
  expect(compile.status).toBe(0);

  const exports: Record<string, unknown> = await import(/* @vite-ignore */ pathToFileURL(path.join(sdk, 'dist/index.js')).href);
  // Every class the runtime exports (HttpClient, the error classes, ApiPromise) is no client.
  const runtime = new Set(Object.keys(await import(/* @vite-ignore */ pathToFileURL(path.join(sdk, 'dist/runtime.js')).href)));
  const clients = Object.entries(exports).filter(([name, value]) => typeof value === 'function' && !runtime.has(name) && /^class /.test(String(value)));
  expect(clients).toHaveLength(NAMES.length);
  let calls = 0;
  for (const [name, Client] of clients) {
    const client = new (Client as new (options: object) => Record<string, unknown>)({ baseUrl });
    // Not a thenable: awaiting it gives the client itself.
    expect(await Promise.resolve(client), name).toBe(client);
    const [method] = Object.getOwnPropertyNames(Object.getPrototypeOf(client)).filter((key) => key !== 'constructor');
    await expect((client[method] as () => Promise<unknown>).call(client), `${name}.${method}`).resolves.toEqual({ value: 'ok' });
    calls++;
  }
  expect(calls).toBe(NAMES.length);
  expect(requests).toHaveLength(NAMES.length);
}, 300_000);

test('the load check names the file of a module that does not load, a thenable client and a missing method', async () => {
  const files = new Map([
    ['src/index.ts', "export * from './eval.js';\nexport * from './Thenable.js';\n"],
    ['src/eval.ts', 'export class eval {}\n'],
    ['src/Thenable.ts', 'export class Thenable { constructor(readonly options: object) {} then(): void {} }\n'],
  ]);
  const problems = await checkSdkLoads(files, [
    { file: 'src/eval.ts', className: 'eval', methods: [] },
    { file: 'src/Thenable.ts', className: 'Thenable', methods: ['getUser'] },
  ]);
  expect(problems).toEqual([
    expect.stringMatching(/^src\/eval\.ts: does not load: SyntaxError: .*(eval|strict)/),
    'src/Thenable.ts: Thenable is a thenable (it has a then method): await would call it',
    'src/Thenable.ts: Thenable.getUser is not a method',
    expect.stringMatching(/^src\/index\.ts: does not load: SyntaxError/),
  ]);
});

test('generate: an SDK that compiles but does not load is not written, the previous output stays, and a rerun fails the same', async () => {
  const dir = await project();
  expect(generate(dir).code).toBe(0);
  const before = await readFolder(path.join(dir, 'sdk'));
  // A client template whose module throws when imported: it type-checks.
  const templates = path.join(dir, 'templates');
  await mkdir(templates);
  const client = await readFile(path.join(repoRoot, 'templates/client.ts.hbs'), 'utf8');
  await writeFile(path.join(templates, 'client.ts.hbs'), `${client}\nif (globalThis) throw new Error('boom at import');\n`);
  for (let run = 0; run < 2; run++) {
    const r = generate(dir, '--templates', 'templates');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the generated SDK does not load (3 problems):\nsrc/AuthenticationClient.ts: does not load: Error: boom at import');
    expect(r.stderr).toContain('nothing written');
  }
  expect(await readFolder(path.join(dir, 'sdk'))).toEqual(before);
}, 120_000);
