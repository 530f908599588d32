// The SDK's load check: compiling is not loading. A module can type-check and still throw when
// imported (`class eval {}` in strict mode), and a client can construct and still be unusable
// (a `then` method makes it a thenable: `await` on it calls the method). So the emitted .ts
// files are stripped of their types (sucrase), written to a temp folder, and imported on a
// worker thread whose `fetch` refuses every request; each client is constructed there and
// its methods looked up. The worker's modules die with it, so a --watch run loads no stale one.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { withoutComments } from './check-reuse.js';

/** A client class the SDK exports, and the methods each instance must have. */
export interface LoadTarget {
  /** The .ts file that declares it (relative, `/`-separated). */
  file: string;
  className: string;
  methods: string[];
}

/** A worker stuck in a template's top-level code is stopped after this long (the check of 250 pages takes well under a second). */
const LOAD_CHECK_LIMIT_MS = 30_000;

const require = createRequire(import.meta.url);
const sucrasePath = require.resolve('sucrase');

interface WorkerInput {
  index: string;
  clients: (LoadTarget & { url: string })[];
}

// Runs on the worker (CommonJS, so `require` and `import()` are both there).
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
globalThis.fetch = () => Promise.reject(new Error('the load check sends no request'));
const describe = (error) => (error instanceof Error ? error.name + ': ' + error.message : String(error));
(async () => {
  const problems = [];
  for (const target of workerData.clients) {
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
    await import(workerData.index);
  } catch (error) {
    problems.push('src/index.ts: does not load: ' + describe(error));
  }
  parentPort.postMessage(problems);
})();
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

/** JavaScript for each .ts file of `files`, at the same path with `.js`; a type-only file is empty without being transpiled. */
function stripTypes(files: ReadonlyMap<string, string>): Map<string, string> {
  const { transform } = require(sucrasePath) as typeof import('sucrase');
  const js = new Map<string, string>();
  for (const [path, text] of files) {
    if (!path.endsWith('.ts')) continue;
    js.set(path.replace(/\.ts$/, '.js'), isTypeOnly(text) ? '' : transform(text, { transforms: ['typescript'], disableESTransforms: true, filePath: path }).code);
  }
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
 * module imports, every client in `clients` constructs, is no thenable and has its methods.
 */
export async function checkSdkLoads(files: ReadonlyMap<string, string>, clients: LoadTarget[]): Promise<string[]> {
  let js: Map<string, string>;
  try {
    js = withoutEmptyModules(stripTypes(files));
  } catch (error) {
    return [`the SDK's TypeScript could not be read to load it: ${(error as Error).message}`];
  }
  const dir = await mkdtemp(join(tmpdir(), 'docsdk-load-'));
  try {
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    for (const [path, text] of js) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const url = (path: string) => pathToFileURL(join(dir, path.replace(/\.ts$/, '.js'))).href;
    const input: WorkerInput = { index: url('src/index.ts'), clients: clients.map((client) => ({ ...client, url: url(client.file) })) };
    return await runWorker(input);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runWorker(input: WorkerInput): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: input, stdout: true, stderr: true });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve([`the SDK did not finish loading within ${LOAD_CHECK_LIMIT_MS / 1000} s (a template's top-level code?)`]);
    }, LOAD_CHECK_LIMIT_MS);
    const done = (problems: string[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(problems);
    };
    worker.once('message', (problems: string[]) => done(problems));
    worker.once('error', (error) => done([`the SDK's load check failed: ${error.message}`]));
    worker.once('exit', (code) => done([`the SDK's load check stopped (exit code ${code})`]));
  });
}

/** Thrown when the generated SDK type-checks but does not load or construct its clients. */
export class SdkLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`the generated SDK does not load (${problems.length} problems):\n${problems.slice(0, 20).join('\n')}`);
    this.name = 'SdkLoadError';
  }
}
