// The commands the bench times, each through its package's bin as users run it: docsdk
// generate on the pages, and the spec-based peers on the openapi.json docsdk recovered from
// the same pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
/** docsdk's bin (package.json "bin"). */
export const CLI = join(REPO, JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).bin.docsdk);

function version(name) {
  return JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** `docsdk generate` with the JSON report (it carries the stage timings) on stdout. */
export function docsdkGenerate(pages, out, extra = []) {
  return [CLI, 'generate', pages, '--out', out, '--reporter', 'json', ...extra];
}

/** `docsdk parse <pages> --openapi <file>`: the spec the peers get. */
export function docsdkOpenApi(pages, file) {
  return [CLI, 'parse', pages, '--openapi', file];
}

export const peers = [
  {
    name: `@hey-api/openapi-ts ${version('@hey-api/openapi-ts')}`,
    // Its bin, as users run it: it re-spawns node on dist/run.mjs.
    args: (spec, out) => [join(REPO, 'node_modules', '@hey-api', 'openapi-ts', 'bin', 'run.js'), '-i', spec, '-o', out],
  },
  {
    name: `openapi-typescript ${version('openapi-typescript')}`,
    args: (spec, out) => [join(REPO, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), spec, '-o', join(out, 'schema.ts')],
  },
  {
    name: `openapi-typescript-codegen ${version('openapi-typescript-codegen')}`,
    // Its defaults: models, services and the fetch client.
    args: (spec, out) => [join(REPO, 'node_modules', 'openapi-typescript-codegen', 'bin', 'index.js'), '--input', spec, '--output', out],
  },
];
