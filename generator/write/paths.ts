// Output paths are made from doc names, so each one is checked before anything is written:
// relative, inside the output folder, and portable (Windows device names, case-insensitive
// file systems, name length limits).
import { isAbsolute, relative, resolve, sep } from 'node:path';

// What some common file system refuses in a name: its controls and reserved characters, a
// trailing dot or space (Windows drops them: `a.` is `a`), and Windows' device names, with any
// extension. One regexp, so that a name is scanned once (hundreds of names a run).
const UNPORTABLE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]|[. ]$|^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;
/** Most file systems cap one name at 255 bytes. */
export const MAX_NAME_BYTES = 255;

/** One path segment that every common file system accepts as is. */
export function isPortableFileName(name: string): boolean {
  return (
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    !UNPORTABLE_NAME.test(name) &&
    // A UTF-16 code unit is at most 3 bytes of UTF-8: most names need no count.
    (name.length * 3 <= MAX_NAME_BYTES || Buffer.byteLength(name) <= MAX_NAME_BYTES)
  );
}

/** The key under which two names are the same file on a case-insensitive file system. */
export function caseInsensitiveKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

const notPortable = (relPath: string) => new Error(`refusing to write ${JSON.stringify(relPath)}: not a portable relative path`);

/**
 * Checks a relative output path (`/`-separated) and returns where it lands under `outDir`.
 * Throws for anything absolute, with `.`/`..`/empty segments, unportable names, or resolving
 * outside `outDir`.
 */
export function resolveInside(outDir: string, relPath: string): string {
  if (!relPath.split('/').every(isPortableFileName)) throw notPortable(relPath);
  const target = resolve(outDir, relPath);
  const rel = relative(outDir, target);
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) {
    throw new Error(`refusing to write ${JSON.stringify(relPath)}: outside ${outDir}`);
  }
  return target;
}

/**
 * Checks output paths (relative, `/`-separated) in one pass over each, as they are added:
 * every segment is a portable name, and no two paths, or folders of them, are one file on a
 * case-insensitive file system. A path whose segments are all portable names lands inside any
 * folder it is joined to: no segment is empty, `.` or `..`, and none holds a separator (`/`,
 * `\`) or a drive's colon, so no segment is absolute or climbs; `under` joins such a path
 * without resolving it again.
 */
export class PortablePaths {
  /** Each path or folder seen, by caseInsensitiveKey. */
  private readonly seen = new Map<string, string>();
  /** The folders seen, exactly: a folder shared by hundreds of files is checked once. */
  private readonly folders = new Set<string>();

  /** Throws for the first path that is not portable, or is one file with another seen (ignoring case). */
  add(relPaths: Iterable<string>): void {
    for (const path of relPaths) {
      let start = 0;
      for (;;) {
        const end = path.indexOf('/', start);
        const prefix = end === -1 ? path : path.slice(0, end);
        if (end === -1 || !this.folders.has(prefix)) {
          if (!isPortableFileName(end === -1 ? path.slice(start) : path.slice(start, end))) throw notPortable(path);
          this.claim(prefix);
          if (end !== -1) this.folders.add(prefix);
        }
        if (end === -1) break;
        start = end + 1;
      }
    }
  }

  private claim(prefix: string): void {
    const key = caseInsensitiveKey(prefix);
    const other = this.seen.get(key);
    if (other !== undefined && other !== prefix) {
      throw new Error(`refusing to write ${JSON.stringify(prefix)}: same file as ${JSON.stringify(other)} on a case-insensitive file system`);
    }
    this.seen.set(key, prefix);
  }
}

/** Where `relPath`, a path PortablePaths accepted, lands under `dir` (absolute and normalised). */
export function pathUnder(dir: string, relPath: string): string {
  return (dir.endsWith(sep) ? dir : dir + sep) + (sep === '/' ? relPath : relPath.replaceAll('/', sep));
}
