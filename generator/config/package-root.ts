// Files shipped beside the code (the config schema, package.json) are found by walking up
// from this module: it runs from generator/ in tests and from dist/generator/ when built.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('docsdk: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();

/** docsdk's own version, e.g. for cache keys. */
export const docsdkVersion: string = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
