// Files shipped beside the code (the config schema, package.json) are found by walking up
// from this module: it runs from generator/ in tests and from dist/generator/ when built.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

let buildId: string | undefined;

/**
 * docsdk's version plus a hash of the code that is running (the generator folder this module
 * lives in, and the templates), for cache keys: a rebuilt docsdk of the same version must
 * not reuse results its older code produced.
 */
export function docsdkBuildId(): string {
  if (buildId) return buildId;
  const hash = createHash('sha256').update(docsdkVersion);
  const codeDir = dirname(dirname(fileURLToPath(import.meta.url)));
  // The SDK runtime's source is shipped as it is, beside the built code.
  for (const dir of [codeDir, join(packageRoot, 'templates'), join(packageRoot, 'generator', 'emit', 'runtime')]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      // Declarations do not run.
      .filter((e) => e.isFile() && !e.name.endsWith('.d.ts'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(file.slice(dir.length)).update(readFileSync(file));
  }
  return (buildId = `${docsdkVersion}+${hash.digest('hex').slice(0, 16)}`);
}
