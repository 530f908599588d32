// Files shipped beside the code (the config schema, package.json) are found by walking up
// from this module: it runs from generator/ in tests, and when built from dist/generator/ (the
// library) or dist/cli/ (the CLI's bundle).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDir as runningCodeDir } from '../code-dir.js';

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

/** package.json's fields read here. */
interface Manifest {
  version: string;
  dependencies?: Record<string, string>;
}

const readManifest = (root: string): Manifest => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** docsdk's own version, e.g. for cache keys. */
export const docsdkVersion: string = readManifest(packageRoot).version;

let buildId: string | undefined;

/** Written by `npm run build` beside the built code: the hash of that code, so a run need not read it all. */
export const BUILD_ID_FILE = 'build-id.json';

/** The files of `dir` that run (declarations do not), sorted, the build's id file aside. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.d.ts') && !(e.parentPath === dir && e.name === BUILD_ID_FILE))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** sha256 of the files of `dirs` (each file's path within its folder, then its bytes). */
function hashFolders(dirs: string[]): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of codeFiles(dir)) hash.update(file.slice(dir.length)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** sha256 of the code in `codeDir`, read file by file. */
export const hashCode = (codeDir: string): string => hashFolders([codeDir]);

/** Records the hash of the built code in `codeDir` (the build's last step). */
export function writeBuildId(codeDir: string): void {
  const record: BuildRecord = { code: hashCode(codeDir), files: codeFiles(codeDir).map((file) => [file.slice(codeDir.length), statSync(file).size]) };
  writeFileSync(join(codeDir, BUILD_ID_FILE), JSON.stringify(record) + '\n');
}

/** What build-id.json holds: the code's hash, and the files it was taken over with their sizes (a file added, removed or resized since voids it). */
interface BuildRecord {
  code: string;
  files: [path: string, size: number][];
}

/**
 * The code hash the build recorded in `codeDir`, unless a code file is newer than the record
 * (make's rule: a file edited in place, a build by tsc alone), or a file was added, removed
 * or resized since (one copied in with its old time). Stating the files costs a fraction of
 * reading them. An installed package keeps the build's record: npm gives all its files one
 * time. Not caught: an edit within the clock tick (a few ms) of the build's end that keeps
 * the file's size.
 */
function recordedCodeHash(codeDir: string): string | undefined {
  const record = statSync(join(codeDir, BUILD_ID_FILE), { throwIfNoEntry: false, bigint: true });
  if (!record) return undefined;
  try {
    const recorded = JSON.parse(readFileSync(join(codeDir, BUILD_ID_FILE), 'utf8')) as Partial<BuildRecord>;
    const files = codeFiles(codeDir);
    if (typeof recorded.code !== 'string' || !Array.isArray(recorded.files) || recorded.files.length !== files.length) return undefined;
    for (const [i, file] of files.entries()) {
      const info = statSync(file, { bigint: true });
      const [path, size] = recorded.files[i] ?? [];
      if (info.mtimeNs > record.mtimeNs || path !== file.slice(codeDir.length) || BigInt(size ?? -1) !== info.size) return undefined;
    }
    return recorded.code;
  } catch {
    return undefined;
  }
}

/**
 * docsdk's version plus a hash of the code in `codeDir` and of the templates and SDK runtime
 * shipped beside it, for cache keys: a rebuilt docsdk of the same version must not reuse
 * results its older code produced.
 */
export function buildIdOf(codeDir: string, root = packageRoot): string {
  const code = recordedCodeHash(codeDir) ?? hashCode(codeDir);
  // The SDK runtime's source is shipped as it is, beside the built code; both are small, read every run.
  const shipped = hashFolders([join(root, 'templates'), join(root, 'generator', 'emit', 'runtime')]);
  return `${docsdkVersion}+${createHash('sha256').update(`${code}\0${shipped}\0${dependencyVersions(root)}`).digest('hex').slice(0, 16)}`;
}

/**
 * `name@version` of each of docsdk's dependencies as installed where Node finds them from
 * `root` (its node_modules, then each folder's above): a run loads some of them from there,
 * not from the code the id hashes (the native compiler, yargs, ajv, markdown-it), so an update
 * of one must void the cache as a rebuild does.
 */
function dependencyVersions(root: string): string {
  const installed = (name: string): string => {
    for (let dir = root; ; dir = dirname(dir)) {
      const manifest = join(dir, 'node_modules', name, 'package.json');
      if (existsSync(manifest)) return readManifest(dirname(manifest)).version;
      if (dirname(dir) === dir) return 'missing';
    }
  };
  const dependencies = existsSync(join(root, 'package.json')) ? Object.keys(readManifest(root).dependencies ?? {}) : [];
  return dependencies.sort().map((name) => `${name}@${installed(name)}`).join('\n');
}

/** buildIdOf() the running code, once per process. */
export function docsdkBuildId(): string {
  return (buildId ??= buildIdOf(runningCodeDir));
}
