// Handlebars templates that lay out every emitted file. The defaults live in templates/ at the
// package root; a user folder (--templates DIR) replaces any of them by file name. Files
// starting with `_` are partials, used as `{{> name}}`.
import Handlebars from 'handlebars';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../config/package-root.js';

export const DEFAULT_TEMPLATES_DIR = join(packageRoot, 'templates');

/** One template per kind of emitted file, named after it. */
export const TEMPLATE_NAMES = ['model.ts', 'client.ts', 'index.ts', 'runtime.ts', 'package.json', 'tsconfig.json', 'README.md'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export type Templates = Record<TemplateName, (view: object) => string>;

const EXTENSION = '.hbs';

async function templateFiles(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(EXTENSION)).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return new Map(names.map((name, i) => [name, texts[i]]));
}

/** Compiles the default templates, each replaced by the file of the same name in `overridesDir`. */
export async function loadTemplates(overridesDir?: string): Promise<Templates> {
  const files = await templateFiles(DEFAULT_TEMPLATES_DIR);
  if (overridesDir !== undefined) {
    for (const [name, text] of await templateFiles(overridesDir)) {
      if (!files.has(name)) {
        throw new Error(`${join(overridesDir, name)}: no template of that name; known: ${[...files.keys()].join(', ')}`);
      }
      files.set(name, text);
    }
  }
  // Views hold finished code text, so nothing is HTML-escaped; `strict` makes a template that
  // names a missing view field fail instead of printing nothing.
  const handlebars = Handlebars.create();
  const compileOptions = { noEscape: true, strict: true };
  for (const [name, text] of files) {
    if (name.startsWith('_')) handlebars.registerPartial(name.slice(1, -EXTENSION.length), handlebars.compile(text, compileOptions));
  }
  const templates = {} as Templates;
  for (const name of TEMPLATE_NAMES) {
    const text = files.get(name + EXTENSION);
    if (text === undefined) throw new Error(`${join(DEFAULT_TEMPLATES_DIR, name + EXTENSION)}: template missing`);
    templates[name] = handlebars.compile(text, compileOptions);
  }
  return templates;
}
