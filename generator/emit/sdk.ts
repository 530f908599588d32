// Model → the files of a TypeScript SDK package: plan the names, render each file from its
// template and view, type-check the whole package (the native compiler, in a temporary
// folder, unless the caller checks the staged output itself). Nothing is written to --out here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../config/package-root.js';
import type { Diagnostic, Model } from '../model/types.js';
import { toOpenApi, type OpenApiParts } from '../openapi/export.js';
import { planSdk, type SdkPlan } from './plan.js';
import { loadTemplates, type CompiledTemplates, type TemplateName } from './templates.js';
import { jsonText } from './escape.js';
import { mayImportJson, sameCheckInputs, type CheckedPackage } from './check-reuse.js';
import { contentHash } from '../workflow/output-files.js';
import { startTypeCheck, type TypeCheck } from './type-check.js';
import { SdkTypeError } from './sdk-type-error.js';
import { checkSdkLoads, SdkLoadError, type LoadTarget } from './load-check.js';
import { clientView } from './views/client.js';
import { apiView } from './views/request.js';
import { FileScope } from './views/common.js';
import { RenderInputs } from './render-inputs.js';
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
  /**
   * Import the SDK (types stripped) on a worker and construct each client (default true).
   * `'deferred'`: not now; the result's `loadCheck` runs it (generate starts it once the
   * compiler runs on the staged output, so the two overlap).
   */
  loadCheck?: boolean | 'deferred';
  /**
   * `'deferred'`: openapi.json (which the checks never read) is not made now; the result's
   * `openApiDocument` makes it (generate makes it while the compiler checks the staged output).
   */
  openApi?: 'deferred';
  /**
   * The previous output, which passed both checks: a file rendered from the same (the same key)
   * is taken from it, neither rendered nor read; where the compiler would read the same
   * (check-reuse.ts), neither check runs again.
   */
  previous?: PreviousSdk;
  /** The templates as an earlier run compiled them (used if made from the same sources). */
  compiledTemplates?: CompiledTemplates;
  /**
   * Called with each file as it is rendered (not one taken from the previous output), and its
   * sha256: generate stages the files while the rest are rendered.
   */
  onFile?: (path: string, text: string, hash: string) => void;
}

/** The SDK an earlier run wrote and checked, and what each of its files was rendered from. */
export interface PreviousSdk extends CheckedPackage {
  /** What each file was rendered from (EmittedSdk.renders of the run that wrote it). */
  renders: Readonly<Record<string, string>>;
}

/** `Text`: string when no previous output was given, so every text is there. */
export interface EmittedSdk<Text extends string | undefined = string | undefined> {
  /**
   * Relative path (`/`-separated) → content, sorted by path. Undefined for a file taken from
   * the previous output as it is (its sha256 in `hashes`): not read, it is on disk there (unless
   * the checks ran, which read every file).
   */
  files: Map<string, Text>;
  /** sha256 of each file's content, by path. */
  hashes: Map<string, string>;
  /**
   * What each file was rendered from, by path: its view's renderKey, or for model and client
   * files the key of what their views read (render-inputs.ts). Left out where the next run
   * must not take the file unread (model.json and openapi.json are not rendered from a view).
   */
  renders: Record<string, string>;
  /** The previous output's checks stand for this SDK: neither the compiler nor the load check ran. */
  checkStands: boolean;
  /** With `openApi: 'deferred'`: the document of openapi.json (its text is jsonText(document, 2) and a line break), which `files` then lacks; `parts` as toOpenApi takes them. */
  openApiDocument?: (parts?: OpenApiParts) => unknown;
  /** With `loadCheck: 'deferred'`, unless the previous checks stand: runs the load check, rejecting with SdkLoadError. */
  loadCheck?: () => Promise<void>;
  /** Files rendered from their templates in this run, and files taken unchanged from the previous output. */
  rendered: number;
  reused: number;
  /** The templates as compiled, for the next run. */
  compiledTemplates: CompiledTemplates;
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
export async function emitSdk(model: Model, options?: EmitOptions & { previous?: undefined }): Promise<EmittedSdk<string>>;
export async function emitSdk(model: Model, options?: EmitOptions): Promise<EmittedSdk>;
export async function emitSdk(model: Model, options: EmitOptions = {}): Promise<EmittedSdk> {
  const check = options.typeCheck === false ? undefined : options.typeCheck === true || options.typeCheck === undefined ? startTypeCheck() : options.typeCheck;
  try {
    return await emitAndCheck(model, options, check);
  } finally {
    await check?.close();
  }
}

/**
 * What a file is rendered from: its template's sources and its view. Equal keys, equal text
 * (templates are pure functions of their view: Handlebars with no helpers reading anything else).
 */
const renderKey = (sourceHash: string, template: TemplateName, view: object): string => contentHash(`${sourceHash}\0${template}\0${JSON.stringify(view)}`);

async function emitAndCheck(model: Model, options: EmitOptions, check: TypeCheck | undefined): Promise<EmittedSdk> {
  const started = performance.now();
  const packageName = options.packageName ?? 'api-sdk';
  const packageVersion = options.packageVersion ?? '0.1.0';
  const userAgent = `${packageName}/${packageVersion}`;
  const [{ templates, sourceHash, compiled }, runtimeSource] = await Promise.all([
    loadTemplates(options.templatesDir, options.compiledTemplates),
    readFile(RUNTIME_SOURCE_PATH, 'utf8'),
  ]);
  const plan = planSdk(model, exportedNames(runtimeSource));
  const diagnostics: Diagnostic[] = [...plan.diagnostics];
  const scope = () => new FileScope(plan.structureNamed, diagnostics);
  const api = apiView(model);
  const previous = options.previous;

  /** Each file's text; undefined for a file taken from the previous output, which is not read. */
  const files = new Map<string, string | undefined>();
  const hashes = new Map<string, string>();
  const renders: Record<string, string> = {};
  /** The files taken from the previous output, and how to render each after all. */
  const reused = new Map<string, () => string>();
  let rendered = 0;
  /** Keeps `text` as the file at `path`. */
  const keep = (path: string, text: string) => {
    const hash = contentHash(text);
    files.set(path, text);
    hashes.set(path, hash);
    options.onFile?.(path, text, hash);
  };
  /**
   * Records `key` as what `path` is rendered from, and takes the file from the previous output
   * when it was rendered from the same there (the same key, the same text: its sha256 is the
   * one recorded, and the write links it), else renders it with `text`. A check input that
   * names a JSON file keeps no key: the check reuse must see its text (check-reuse.ts), so it
   * is never taken unread.
   */
  const place = (path: string, key: string, text: () => string) => {
    renders[path] = key;
    if (previous?.renders[path] === key && previous.hashes.has(path)) {
      reused.set(path, text);
      files.set(path, undefined);
      hashes.set(path, previous.hashes.get(path)!);
      return;
    }
    const made = text();
    if (mayImportJson(path, made)) delete renders[path];
    keep(path, made);
    rendered++;
  };
  /** Renders `path`, or takes it from the previous output when its view is the one that was rendered there. */
  const render = (path: string, template: TemplateName, view: object, validate: (text: string) => string = (text) => text) => {
    place(path, renderKey(sourceHash, template, view), () => validate(templates[template](view)));
  };
  /**
   * Renders `path` from the view `view()` builds, or takes it from the previous output when it
   * was rendered from the same inputs (`inputs`, render-inputs.ts: the view is not built then).
   * The key is recorded only for a view that warned about nothing: the same inputs warn the
   * same, so a file taken from the previous output has no diagnostics to report.
   */
  const renderFrom = (path: string, template: TemplateName, inputs: string, view: () => object) => {
    place(path, inputs, () => {
      const before = diagnostics.length;
      const text = templates[template](view());
      if (diagnostics.length > before) delete renders[path];
      return text;
    });
  };
  /** The text of every file so far, for the checks: the previous output's files read (rendered after all if one went meanwhile). */
  const readReused = async (): Promise<ReadonlyMap<string, string>> => {
    for (const [path, rerender] of reused) {
      if (files.get(path) !== undefined) continue;
      const text = await previous!.read(path).catch(() => undefined);
      if (text !== undefined) files.set(path, text);
      else {
        reused.delete(path);
        rendered++;
        keep(path, rerender());
      }
    }
    return new Map(files as Map<string, string>);
  };
  render('package.json', 'package.json', packageView(plan, packageName, packageVersion), (text) => checkedJson('package.json', text));
  render('tsconfig.json', 'tsconfig.json', {}, (text) => checkedJson('tsconfig.json', text));
  const inputs = new RenderInputs(plan, sourceHash);
  for (const [name, structure] of plan.structureNamed) {
    renderFrom(`src/models/${structure.stem}.ts`, 'model.ts', inputs.structureKey(name), () => modelView(structure, scope()));
  }
  for (const client of plan.clients) renderFrom(`src/${client.stem}.ts`, 'client.ts', inputs.clientKey(client, userAgent, api), () => clientView(client, scope(), userAgent, api));
  render('src/index.ts', 'index.ts', indexView(plan));
  render('src/runtime.ts', 'runtime.ts', { runtimeSource: runtimeSource.trimEnd() });
  // The .ts files are all in: the checks may start (while the rest is rendered), unless the previous ones stand.
  const checkStands = previous !== undefined && (await sameCheckInputs(previous, files, hashes));
  const checkedFiles = checkStands ? undefined : await readReused();
  const checked = checkedFiles && startChecks(checkedFiles, check);

  render('README.md', 'README.md', readmeView(plan, packageName, userAgent));
  if (checkedFiles) await readReused();
  const openApiDocument = (parts?: OpenApiParts) => toOpenApi(model, { title: packageName }, parts);
  if (options.openApi !== 'deferred') keep('openapi.json', jsonText(openApiDocument(), 2) + '\n');
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  const timings: Record<string, number> = { emit: performance.now() - started };

  const loadCheck = async () => {
    const loadStarted = performance.now();
    const problems = await checkSdkLoads(checkedFiles!, loadTargets(plan)).finally(() => (timings.loadcheck = performance.now() - loadStarted));
    if (problems.length) throw new SdkLoadError(problems);
  };
  const deferred = checked && options.loadCheck === 'deferred' ? loadCheck : undefined;
  // The load check runs while the type check finishes; both are awaited, so no temp folder outlives the run.
  if (checked && !deferred) {
    const loading = options.loadCheck === false ? undefined : loadCheck();
    loading?.catch(() => undefined);
    if (checked.typeErrors) {
      const checkStarted = performance.now();
      const errors = await checked.typeErrors.finally(() => loading?.catch(() => undefined));
      timings.typecheck = performance.now() - checkStarted;
      if (errors.length) throw new SdkTypeError(errors);
    }
    await loading;
  }
  return {
    files: sorted,
    hashes,
    renders,
    checkStands,
    ...(deferred && { loadCheck: deferred }),
    ...(options.openApi === 'deferred' && { openApiDocument }),
    rendered,
    reused: reused.size,
    compiledTemplates: compiled,
    diagnostics,
    timings,
  };
}

/** Hands the files the compiler reads to `check` and starts it (its errors, awaited later). */
function startChecks(files: ReadonlyMap<string, string>, check: TypeCheck | undefined): { typeErrors?: Promise<string[]> } {
  if (!check) return {};
  for (const [path, text] of files) check.setFile(path, text);
  const typeErrors = check.errors();
  typeErrors.catch(() => undefined); // awaited by the caller, unless rendering the rest throws first
  return { typeErrors };
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
