// Model → the files of a TypeScript SDK package: plan the names, render each file from its
// template and view, type-check the whole package in memory. Pure: nothing is written here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../config/package-root.js';
import type { Diagnostic, Model } from '../model/types.js';
import { toOpenApi } from '../openapi/export.js';
import { planSdk } from './plan.js';
import { loadTemplates } from './templates.js';
import { SdkTypeError, typeErrors } from './type-check.js';
import { clientView } from './views/client.js';
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
  /** Type-check the SDK before returning it (default true). */
  typeCheck?: boolean;
}

export interface EmittedSdk {
  /** Relative path (`/`-separated) → content, sorted by path. */
  files: Map<string, string>;
  /** What the SDK could not type as the docs say. */
  diagnostics: Diagnostic[];
  /** Milliseconds: `emit` (plan and render), `typecheck`. */
  timings: Record<string, number>;
}

/** Names `export`ed by the runtime source, which the SDK's other names must not reuse. */
function exportedNames(source: string): string[] {
  return [...source.matchAll(/^export (?:class|interface|type|function|const) ([\w$]+)/gm)].map((m) => m[1]);
}

/** Throws SdkTypeError when the result does not compile, or when a JSON template renders invalid JSON. */
export async function emitSdk(model: Model, options: EmitOptions = {}): Promise<EmittedSdk> {
  const started = performance.now();
  const packageName = options.packageName ?? 'api-sdk';
  const [templates, runtimeSource] = await Promise.all([
    loadTemplates(options.templatesDir),
    readFile(RUNTIME_SOURCE_PATH, 'utf8'),
  ]);
  const plan = planSdk(model, exportedNames(runtimeSource));
  const diagnostics: Diagnostic[] = [];
  const scope = () => new FileScope(plan.structureNamed, diagnostics);

  const files = new Map<string, string>();
  for (const structure of plan.structures) {
    files.set(`src/models/${structure.stem}.ts`, templates['model.ts'](modelView(structure, scope())));
  }
  for (const client of plan.clients) {
    files.set(`src/${client.stem}.ts`, templates['client.ts'](clientView(client, scope())));
  }
  files.set('src/index.ts', templates['index.ts'](indexView(plan)));
  files.set('src/runtime.ts', templates['runtime.ts']({ runtimeSource: runtimeSource.trimEnd() }));
  files.set('package.json', checkedJson('package.json', templates['package.json'](packageView(plan, packageName, options.packageVersion ?? '0.1.0'))));
  files.set('tsconfig.json', checkedJson('tsconfig.json', templates['tsconfig.json']({})));
  files.set('README.md', templates['README.md'](readmeView(plan, packageName)));
  files.set('openapi.json', JSON.stringify(toOpenApi(model, { title: packageName }), null, 2) + '\n');
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  const timings: Record<string, number> = { emit: performance.now() - started };

  if (options.typeCheck ?? true) {
    const checkStarted = performance.now();
    const errors = typeErrors(sorted);
    timings.typecheck = performance.now() - checkStarted;
    if (errors.length) throw new SdkTypeError(errors);
  }
  return { files: sorted, diagnostics, timings };
}

function checkedJson(name: string, text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} template rendered invalid JSON: ${(error as Error).message}`);
  }
  return text;
}
