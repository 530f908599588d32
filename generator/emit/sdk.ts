// Model → the files of a TypeScript SDK package: plan the names, render each file from its
// template and view, type-check the whole package (the native compiler, in a temporary
// folder, unless the caller checks the staged output itself). Nothing is written to --out here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../config/package-root.js';
import type { Diagnostic, Model } from '../model/types.js';
import { toOpenApi } from '../openapi/export.js';
import { planSdk, type SdkPlan } from './plan.js';
import { loadTemplates } from './templates.js';
import { jsonText } from './escape.js';
import { startTypeCheck, type TypeCheck } from './type-check.js';
import { SdkTypeError } from './sdk-type-error.js';
import { checkSdkLoads, SdkLoadError, type LoadTarget } from './load-check.js';
import { clientView } from './views/client.js';
import { apiView } from './views/request.js';
import { FileScope } from './views/common.js';
import { modelView } from './views/model.js';
import { indexView, packageView } from './views/package.js';
import { readmeView } from './views/readme.js';

/** The runtime's TypeScript source, shipped verbatim (the .ts file, also when docsdk runs from dist/). */
const RUNTIME_SOURCE_PATH = join(packageRoot, 'generator', 'emit', 'runtime', 'runtime.ts');

export interface EmitOptions {
  /** Folder whose `*.hbs` files replace the default templates of the same name. */
  templatesDir?: string;
  /** Default `api-sdk`. */
  packageName?: string;
  /** Default `0.1.0`. */
  packageVersion?: string;
  /**
   * Type-check the SDK before returning it (default true: with the native compiler, in a
   * temporary folder). generate passes false and checks the staged output folder instead.
   */
  typeCheck?: boolean | TypeCheck;
  /** Import the SDK (types stripped) on a worker and construct each client (default true). */
  loadCheck?: boolean;
}

export interface EmittedSdk {
  /** Relative path (`/`-separated) → content, sorted by path. */
  files: Map<string, string>;
  /** What the SDK could not type as the docs say. */
  diagnostics: Diagnostic[];
  /**
   * Milliseconds: `emit` (plan and render), `typecheck` (what was left of the compiler's run
   * after rendering the rest), `loadcheck`.
   */
  timings: Record<string, number>;
}

/** Names `export`ed by the runtime source, which the SDK's other names must not reuse. */
function exportedNames(source: string): string[] {
  return [...source.matchAll(/^export (?:class|interface|type|function|const) ([\w$]+)/gm)].map((m) => m[1]);
}

/** Throws SdkTypeError when the result does not compile, SdkLoadError when it does not load, or when a JSON template renders invalid JSON. */
export async function emitSdk(model: Model, options: EmitOptions = {}): Promise<EmittedSdk> {
  const check = options.typeCheck === false ? undefined : options.typeCheck === true || options.typeCheck === undefined ? startTypeCheck() : options.typeCheck;
  try {
    return await emitAndCheck(model, options, check);
  } finally {
    await check?.close();
  }
}

async function emitAndCheck(model: Model, options: EmitOptions, check: TypeCheck | undefined): Promise<EmittedSdk> {
  const started = performance.now();
  const packageName = options.packageName ?? 'api-sdk';
  const packageVersion = options.packageVersion ?? '0.1.0';
  const userAgent = `${packageName}/${packageVersion}`;
  const [templates, runtimeSource] = await Promise.all([
    loadTemplates(options.templatesDir),
    readFile(RUNTIME_SOURCE_PATH, 'utf8'),
  ]);
  const plan = planSdk(model, exportedNames(runtimeSource));
  const diagnostics: Diagnostic[] = [...plan.diagnostics];
  const scope = () => new FileScope(plan.structureNamed, diagnostics);
  const api = apiView(model);

  const files = new Map<string, string>();
  // Each file goes to the type check as soon as it is rendered; the two that decide how the
  // .ts files are read go first.
  const add = (path: string, text: string) => {
    files.set(path, text);
    check?.setFile(path, text);
  };
  add('package.json', checkedJson('package.json', templates['package.json'](packageView(plan, packageName, packageVersion))));
  add('tsconfig.json', checkedJson('tsconfig.json', templates['tsconfig.json']({})));
  for (const structure of plan.structures) {
    add(`src/models/${structure.stem}.ts`, templates['model.ts'](modelView(structure, scope())));
  }
  for (const client of plan.clients) {
    add(`src/${client.stem}.ts`, templates['client.ts'](clientView(client, scope(), userAgent, api)));
  }
  add('src/index.ts', templates['index.ts'](indexView(plan)));
  add('src/runtime.ts', templates['runtime.ts']({ runtimeSource: runtimeSource.trimEnd() }));
  // The last .ts file is in: the check runs while the rest is rendered.
  const checked = check?.errors();
  checked?.catch(() => undefined); // awaited below, unless rendering the rest throws first
  files.set('README.md', templates['README.md'](readmeView(plan, packageName, userAgent)));
  files.set('openapi.json', jsonText(toOpenApi(model, { title: packageName }), 2) + '\n');
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  const timings: Record<string, number> = { emit: performance.now() - started };

  // The load check runs while the type check finishes; both are awaited, so no temp folder outlives the run.
  const loadStarted = performance.now();
  const loading = options.loadCheck === false ? undefined : checkSdkLoads(sorted, loadTargets(plan)).finally(() => (timings.loadcheck = performance.now() - loadStarted));
  loading?.catch(() => undefined);
  if (check && checked) {
    const checkStarted = performance.now();
    const errors = await checked.finally(() => loading);
    timings.typecheck = performance.now() - checkStarted;
    if (errors.length) throw new SdkTypeError(errors);
  }
  const problems = await loading;
  if (problems?.length) throw new SdkLoadError(problems);
  return { files: sorted, diagnostics, timings };
}

/** Each client class, where it is declared and the methods its instances must have. */
function loadTargets(plan: SdkPlan): LoadTarget[] {
  return plan.clients.map((client) => ({ file: `src/${client.stem}.ts`, className: client.className, methods: client.operations.map((op) => op.methodName) }));
}

function checkedJson(name: string, text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} template rendered invalid JSON: ${(error as Error).message}`);
  }
  return text;
}
