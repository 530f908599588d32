// The SDK runtime's size as a user's bundler ships it: generator/emit/runtime/runtime.ts with
// its types stripped, minified (oxc, through rolldown: what vite builds with), and gzipped.
// `node bench/runtime-size.mjs` prints the figures as JSON; npm run bench prints them as a table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minifySync, transformSync } from 'rolldown/utils';

const RUNTIME = join(fileURLToPath(new URL('..', import.meta.url)), 'generator', 'emit', 'runtime', 'runtime.ts');
/** The bound on the minified runtime. */
export const RUNTIME_BUDGET_BYTES = 12 * 1024;

export function runtimeSize() {
  const source = readFileSync(RUNTIME, 'utf8');
  const js = transformSync('runtime.ts', source, { target: 'es2022' });
  if (js.errors.length) throw new Error(`runtime.ts: ${js.errors.map((e) => e.message).join('; ')}`);
  const minified = minifySync('runtime.js', js.code, { compress: true, mangle: true });
  return {
    sourceBytes: Buffer.byteLength(source),
    javascriptBytes: Buffer.byteLength(js.code),
    minifiedBytes: Buffer.byteLength(minified.code),
    gzipBytes: gzipSync(minified.code, { level: 9 }).length,
    budgetBytes: RUNTIME_BUDGET_BYTES,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(runtimeSize()));
