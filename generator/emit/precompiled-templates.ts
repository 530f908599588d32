// The default templates compiled when docsdk is built, so a run (a clean one too) does not
// spend ~80 ms compiling them. Each spec is keyed by the sha256 of the template text it was
// compiled from and by the Handlebars version: a template replaced by --templates, edited in
// place, or a different Handlebars does not match, and is compiled at run time as before.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../workflow/fingerprint.js';
import { handlebarsCompiler, handlebarsRuntime } from './handlebars.js';

/** Beside this module: in dist/ once built; absent when docsdk runs from its TypeScript sources. */
const PRECOMPILED_FILE = fileURLToPath(new URL('./templates.precompiled.json', import.meta.url));

/** How every template is compiled: views hold finished code text, so nothing is HTML-escaped; `strict` makes a missing view field fail. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

interface PrecompiledFile {
  handlebars: string;
  /** Template file name → sha256 of its text and the spec compiled from it. */
  specs: Record<string, { sha256: string; spec: string }>;
}

let precompiled: PrecompiledFile | null | undefined;

function readPrecompiled(): PrecompiledFile | null {
  if (precompiled !== undefined) return precompiled;
  try {
    const file = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as PrecompiledFile;
    precompiled = file.handlebars === handlebarsRuntime.VERSION ? file : null;
  } catch {
    precompiled = null;
  }
  return precompiled;
}

/** The spec the build compiled from exactly this text of template `name`, if any. */
export function precompiledSpec(name: string, text: string): string | undefined {
  const entry = readPrecompiled()?.specs[name];
  return entry && entry.sha256 === sha256(text) ? entry.spec : undefined;
}

/** Build step (templates.ts precompileDefaultTemplates): compiles `files` (template file name → text) into the file precompiledSpec reads. */
export async function writePrecompiledTemplates(files: ReadonlyMap<string, string>): Promise<void> {
  const compiler = await handlebarsCompiler();
  const specs: PrecompiledFile['specs'] = {};
  for (const [name, text] of files) specs[name] = { sha256: sha256(text), spec: compiler.precompile(text, COMPILE_OPTIONS) as unknown as string };
  writeFileSync(PRECOMPILED_FILE, JSON.stringify({ handlebars: compiler.VERSION, specs } satisfies PrecompiledFile));
}
