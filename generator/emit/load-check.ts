// The SDK's load check: compiling is not loading. A module can type-check and still throw when
// imported (`class eval {}` in strict mode), and a client can construct and still be unusable
// (a `then` method makes it a thenable: `await` on it calls the method). So the emitted .ts
// files are stripped of their types and imported on a worker thread whose `fetch` refuses
// every request; each client is constructed there and its methods looked up. The worker's
// modules die with it, so a --watch run loads no stale one.
//
// The types are stripped by the native compiler (native-compiler.ts), beside the type check,
// file by file as a transpiler does (no type check, no imports followed, no lib): a child
// process of ~0.1 s CPU for the few files with code, where a JavaScript transpiler on this
// thread took ~0.7 s. The worker starts meanwhile.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { withoutComments } from './check-reuse.js';
import { compilerExecutable } from './native-compiler.js';

/** A client class the SDK exports, and the methods each instance must have. */
export interface LoadTarget {
  /** The .ts file that declares it (relative, `/`-separated). */
  file: string;
  className: string;
  methods: string[];
}

/** A worker stuck in a template's top-level code is stopped after this long (the check of 250 pages takes well under a second). */
const LOAD_CHECK_LIMIT_MS = 30_000;

interface WorkerInput {
  index: string;
  clients: (LoadTarget & { url: string })[];
}

// Runs on the worker (CommonJS, so `require` and `import()` are both there), once it is sent what to load.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
globalThis.fetch = () => Promise.reject(new Error('the load check sends no request'));
const describe = (error) => (error instanceof Error ? error.name + ': ' + error.message : String(error));
parentPort.once('message', async (input) => {
  const problems = [];
  for (const target of input.clients) {
    let exports;
    try {
      exports = await import(target.url);
    } catch (error) {
      problems.push(target.file + ': does not load: ' + describe(error));
      continue;
    }
    const Client = exports[target.className];
    if (typeof Client !== 'function') {
      problems.push(target.file + ': exports no class ' + target.className);
      continue;
    }
    let client;
    try {
      client = new Client({ baseUrl: 'http://127.0.0.1:9' });
    } catch (error) {
      problems.push(target.file + ': new ' + target.className + '(…) throws: ' + describe(error));
      continue;
    }
    if (typeof client.then === 'function') problems.push(target.file + ': ' + target.className + ' is a thenable (it has a then method): await would call it');
    for (const method of target.methods) {
      if (typeof client[method] !== 'function') problems.push(target.file + ': ' + target.className + '.' + method + ' is not a method');
    }
  }
  try {
    await import(input.index);
  } catch (error) {
    problems.push('src/index.ts: does not load: ' + describe(error));
  }
  parentPort.postMessage(problems);
});
`;

/** Words that may start a statement with run-time effect: a declaration that meets one outside its braces is not trusted to be what it seems. */
const STATEMENT_WORD = /^(?:export|import|const|let|var|function|class|enum|declare|namespace|module|async|await|if|for|while|do|switch|try|throw|return|new|this)\b/;

/**
 * Whether a .ts file holds only type declarations (`import type`, `export type`, interfaces,
 * type aliases, each ended by `;` or its closing brace): its JavaScript is then empty, so the
 * file need not be transpiled. A scan over the file's tokens (check-reuse.ts withoutComments);
 * anything it does not recognize, or may misread, is not type-only.
 */
export function isTypeOnly(text: string): boolean {
  const code = withoutComments(text);
  if (code === undefined) return false;
  let i = 0;
  const skipGap = () => {
    while (code[i] === ' ' || code[i] === '\n') i++;
  };
  for (skipGap(); i < code.length; skipGap()) {
    const rest = code.slice(i, i + 40);
    const head = /^(?:export (?:interface|type) |interface |type |import type )/.exec(rest);
    if (!head || rest.startsWith('export type * ')) return false;
    const isInterface = head[0].includes('interface');
    i += head[0].length;
    let depth = 0;
    let ended = false;
    while (i < code.length && !ended) {
      const c = code[i];
      if (c === '"' || c === "'") {
        // withoutComments kept the string whole: to its closing quote, escapes skipped.
        let end = i + 1;
        while (end < code.length && code[end] !== c && code[end] !== '\n') end += code[end] === '\\' ? 2 : 1;
        i = end + 1;
        continue;
      }
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') {
        if (--depth < 0) return false;
        if (depth === 0 && c === '}' && isInterface) ended = true;
      } else if (c === ';' && depth === 0) ended = true;
      else if ((c === '\n' || c === ' ') && depth === 0 && STATEMENT_WORD.test(code.slice(i + 1, i + 12))) return false;
      i++;
    }
    if (!ended) return false;
  }
  return true;
}

/**
 * The compiler's options for stripping types file by file: modern JavaScript out, as written
 * (ES modules, class fields as declared), nothing checked, no import followed, no lib read,
 * no tsconfig.json looked for. The errors it then reports (no lib) are expected and not read.
 */
const STRIP_OPTIONS = ['--ignoreConfig', '--noCheck', '--noResolve', '--noLib', '--types', '', '--target', 'esnext', '--module', 'esnext', '--declaration', 'false', '--sourceMap', 'false', '--pretty', 'false', '--singleThreaded'];

/**
 * The JavaScript of each .ts file of `sources` (relative path → text), by the same path with
 * `.js`: written under `dir`/ts and transpiled by the native compiler into `dir`/js, in one run.
 */
export async function transpile(sources: ReadonlyMap<string, string>, dir: string): Promise<Map<string, string>> {
  for (const [path, text] of sources) {
    const source = join(dir, 'ts', path);
    mkdirSync(dirname(source), { recursive: true });
    writeFileSync(source, text);
  }
  await new Promise<void>((resolve, reject) => {
    const args = [...STRIP_OPTIONS, '--rootDir', join(dir, 'ts'), '--outDir', join(dir, 'js'), ...[...sources.keys()].map((path) => join(dir, 'ts', path))];
    execFile(compilerExecutable(), args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      // Exit code 2: diagnostics (expected here), files emitted all the same; anything else is the compiler failing.
      const exit = error && 'code' in error ? error.code : 0;
      if (error && exit !== 1 && exit !== 2) reject(new Error(`the TypeScript compiler failed: ${error.message}${stderr ? `\n${stderr}` : ''}`));
      else resolve();
    });
  });
  const js = new Map<string, string>();
  for (const path of sources.keys()) {
    const file = path.replace(/\.ts$/, '.js');
    js.set(file, readFileSync(join(dir, 'js', file), 'utf8'));
  }
  return js;
}

/** JavaScript for each .ts file of `files`, at the same path with `.js`; a type-only file is empty without being transpiled. */
async function stripTypes(files: ReadonlyMap<string, string>, dir: string): Promise<Map<string, string>> {
  const js = new Map<string, string>();
  const code = new Map<string, string>();
  for (const [path, text] of files) {
    if (!path.endsWith('.ts')) continue;
    if (isTypeOnly(text)) js.set(path.replace(/\.ts$/, '.js'), '');
    else code.set(path, text);
  }
  if (code.size) for (const [path, text] of await transpile(code, dir)) js.set(path, text);
  return js;
}

/** `export * from './x.js';` on a line of its own: the form the index template re-exports with. */
const REEXPORT_ALL = /^export \* from '(\.{1,2}\/[^'\\]+)';$/gm;
/** Any module specifier written as a string literal in an import, an export or an import(). */
const SPECIFIER = /(?:\bfrom|\bimport|\bimport\s*\()\s*(['"])([^'"\\]+)\1/g;

/** `specifier` as a path relative to the SDK's root, `/`-separated, from the module at `from`. */
function resolveRelative(from: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

/**
 * The modules worth loading. A module whose JavaScript is empty once types are stripped (a
 * file of interfaces) does nothing when imported and exports nothing, so `export * from` it
 * changes nothing: such lines are dropped, and such modules are not written when no other
 * module names them. In an SDK of 4,000 pages that is 6,600 modules the check need not load.
 */
export function withoutEmptyModules(js: ReadonlyMap<string, string>): Map<string, string> {
  const empty = new Set([...js].filter(([, code]) => withoutComments(code) === '').map(([path]) => path));
  const kept = new Map<string, string>();
  for (const [path, code] of js) {
    if (empty.has(path)) continue;
    kept.set(path, code.replace(REEXPORT_ALL, (line, specifier: string) => (empty.has(resolveRelative(path, specifier)) ? '' : line)));
  }
  // A module another one still names (or one an import() of a computed name might) is written after all.
  const named = new Set<string>();
  for (const [path, code] of kept) {
    for (const match of code.matchAll(SPECIFIER)) named.add(resolveRelative(path, match[2]));
    if (/\bimport\s*\(\s*[^'"\s]/.test(code)) return new Map(js);
  }
  for (const path of empty) if (named.has(path)) kept.set(path, js.get(path)!);
  return kept;
}

/**
 * What keeps the SDK in `files` from loading: each line names the file. Empty when every
 * module imports, every client in `clients` constructs, is no thenable and has its methods,
 * all within `limitMs`.
 */
export async function checkSdkLoads(files: ReadonlyMap<string, string>, clients: LoadTarget[], limitMs = LOAD_CHECK_LIMIT_MS): Promise<string[]> {
  // Started first: it boots while the types are stripped. And up to the compiler's start, all
  // synchronous: what the caller runs next (generate makes openapi.json) overlaps the compiler.
  const worker = startWorker();
  const dir = mkdtempSync(join(tmpdir(), 'docsdk-load-'));
  try {
    let js: Map<string, string>;
    try {
      js = withoutEmptyModules(await stripTypes(files, dir));
    } catch (error) {
      return [`the SDK's TypeScript could not be read to load it: ${(error as Error).message}`];
    }
    const root = join(dir, 'js');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
    for (const [path, text] of js) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const url = (path: string) => pathToFileURL(join(root, path.replace(/\.ts$/, '.js'))).href;
    return await worker.load({ index: url('src/index.ts'), clients: clients.map((client) => ({ ...client, url: url(client.file) })) }, limitMs);
  } finally {
    worker.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The worker, booting: `load` sends it what to load and resolves to the problems it found, or to why it did not finish. */
function startWorker(): { load(input: WorkerInput, limitMs: number): Promise<string[]>; stop(): void } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, stdout: true, stderr: true });
  const ended = new Promise<string[]>((resolve) => {
    worker.once('message', (problems: string[]) => resolve(problems));
    worker.once('error', (error) => resolve([`the SDK's load check failed: ${error.message}`]));
    worker.once('exit', (code) => resolve([`the SDK's load check stopped (exit code ${code})`]));
  });
  const stop = () => void worker.terminate();
  return {
    async load(input, limitMs) {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<string[]>((resolve) => {
        timer = setTimeout(() => resolve([`the SDK did not finish loading within ${limitMs / 1000} s (a template's top-level code?)`]), limitMs);
      });
      worker.postMessage(input);
      try {
        return await Promise.race([ended, limit]);
      } finally {
        clearTimeout(timer);
        stop();
      }
    },
    stop,
  };
}

/** Thrown when the generated SDK type-checks but does not load or construct its clients. */
export class SdkLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`the generated SDK does not load (${problems.length} problems):\n${problems.slice(0, 20).join('\n')}`);
    this.name = 'SdkLoadError';
  }
}
