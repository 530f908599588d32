// Handlebars in its two parts: the runtime, which every run that renders needs (~13 ms to
// load), and the compiler (the whole package, ~30 ms), loaded only where a template must be
// compiled: one that neither the build (precompiled-templates.ts) nor an earlier run compiled.
import type HandlebarsEnvironment from 'handlebars';
// The runtime's typings declare nothing of their own: it is the package's API, less the compiler.
import * as runtimeModule from 'handlebars/runtime.js';

export type Handlebars = typeof HandlebarsEnvironment;

export const handlebarsRuntime = (runtimeModule as unknown as { default: Handlebars }).default;

/** The whole package, with the compiler. */
export async function handlebarsCompiler(): Promise<Handlebars> {
  return (await import('handlebars')).default;
}
