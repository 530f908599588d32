// Handlebars templates that lay out every emitted file. The defaults live in templates/ at the
// package root; a user folder (--templates DIR) replaces any of them by file name. Files
// starting with `_` are partials, used as `{{> name}}`.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../config/package-root.js';
import { handlebarsCompiler, handlebarsRuntime } from './handlebars.js';
import { COMPILE_OPTIONS, precompiledSpec, writePrecompiledTemplates } from './precompiled-templates.js';

export const DEFAULT_TEMPLATES_DIR = join(packageRoot, 'templates');

/** One template per kind of emitted file, named after it. */
export const TEMPLATE_NAMES = ['model.ts', 'client.ts', 'index.ts', 'runtime.ts', 'package.json', 'tsconfig.json', 'README.md'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export type Templates = Record<TemplateName, (view: object) => string>;

/** Templates compiled to JavaScript (Handlebars.precompile), for the sources whose hash they carry. */
export interface CompiledTemplates {
  sourceHash: string;
  /** Template file name → precompiled template spec (JavaScript source). */
  specs: Record<string, string>;
}

export interface LoadedTemplates {
  templates: Templates;
  /** sha256 of every template's name and text (partials too): a file rendered from the same view by the same sources is the same. */
  sourceHash: string;
  /** The templates as compiled, for a later run to skip compiling them. */
  compiled: CompiledTemplates;
}

const EXTENSION = '.hbs';

async function templateFiles(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(EXTENSION)).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return new Map(names.map((name, i) => [name, texts[i]]));
}

/** Build step (`npm run build`): the default templates compiled, for runs to take as they are. */
export async function precompileDefaultTemplates(): Promise<void> {
  await writePrecompiledTemplates(await templateFiles(DEFAULT_TEMPLATES_DIR));
}

/**
 * Compiles the default templates, each replaced by the file of the same name in `overridesDir`;
 * `compiled`, when it was made from the same sources, saves compiling them again.
 */
export async function loadTemplates(overridesDir?: string, compiled?: CompiledTemplates): Promise<LoadedTemplates> {
  const files = await templateFiles(DEFAULT_TEMPLATES_DIR);
  if (overridesDir !== undefined) {
    for (const [name, text] of await templateFiles(overridesDir)) {
      if (!files.has(name)) {
        throw new Error(`${join(overridesDir, name)}: no template of that name; known: ${[...files.keys()].join(', ')}`);
      }
      files.set(name, text);
    }
  }
  const hash = createHash('sha256');
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}\0${text}\0`);
  const sourceHash = hash.digest('hex');
  const cached = compiled?.sourceHash === sourceHash ? compiled.specs : {};
  const specs: Record<string, string> = {};
  const compiledBefore = (name: string, text: string) => cached[name] ?? precompiledSpec(name, text);
  const compiler = [...files].some(([name, text]) => compiledBefore(name, text) === undefined) ? await handlebarsCompiler() : undefined;
  const handlebars = handlebarsRuntime.create();
  const compile = (name: string, text: string) => {
    const spec = (specs[name] = compiledBefore(name, text) ?? (compiler!.precompile(text, COMPILE_OPTIONS) as unknown as string));
    // The spec is JavaScript that Handlebars wrote (now, when docsdk was built, or in an earlier run from the same sources).
    return handlebars.template(new Function(`return ${spec}`)() as TemplateSpecification);
  };
  for (const [name, text] of files) {
    if (name.startsWith('_')) handlebars.registerPartial(name.slice(1, -EXTENSION.length), compile(name, text));
  }
  const templates = {} as Templates;
  for (const name of TEMPLATE_NAMES) {
    const text = files.get(name + EXTENSION);
    if (text === undefined) throw new Error(`${join(DEFAULT_TEMPLATES_DIR, name + EXTENSION)}: template missing`);
    templates[name] = compile(name + EXTENSION, text);
  }
  return { templates, sourceHash, compiled: { sourceHash, specs } };
}
