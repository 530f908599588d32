// Output paths are made from doc names, so each one is checked before anything is written:
// relative, inside the output folder, and portable (Windows device names, case-insensitive
// file systems, name length limits).
import { isAbsolute, relative, resolve, sep } from 'node:path';

// Windows refuses these as file names, with any extension.
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
// Characters some file system refuses, and controls.
const UNPORTABLE_CHAR = /[\u0000-\u001f\u007f<>:"/\\|?*]/;
/** Most file systems cap one name at 255 bytes. */
export const MAX_NAME_BYTES = 255;

/** One path segment that every common file system accepts as is. */
export function isPortableFileName(name: string): boolean {
  return (
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    !UNPORTABLE_CHAR.test(name) &&
    !DEVICE_NAME.test(name) &&
    !/[. ]$/.test(name) &&
    Buffer.byteLength(name) <= MAX_NAME_BYTES
  );
}

/** The key under which two names are the same file on a case-insensitive file system. */
export function caseInsensitiveKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * Checks a relative output path (`/`-separated) and returns where it lands under `outDir`.
 * Throws for anything absolute, with `.`/`..`/empty segments, unportable names, or resolving
 * outside `outDir`.
 */
export function resolveInside(outDir: string, relPath: string): string {
  const segments = relPath.split('/');
  if (isAbsolute(relPath) || /^[a-z]:/i.test(relPath) || !segments.every(isPortableFileName)) {
    throw new Error(`refusing to write ${JSON.stringify(relPath)}: not a portable relative path`);
  }
  const target = resolve(outDir, ...segments);
  const rel = relative(outDir, target);
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) {
    throw new Error(`refusing to write ${JSON.stringify(relPath)}: outside ${outDir}`);
  }
  return target;
}

/** Throws when two paths (or their folders) would be one on a case-insensitive file system. */
export function assertNoCaseClash(relPaths: Iterable<string>): void {
  const seen = new Map<string, string>();
  for (const path of relPaths) {
    const segments = path.split('/');
    for (let n = 1; n <= segments.length; n++) {
      const prefix = segments.slice(0, n).join('/');
      const other = seen.get(caseInsensitiveKey(prefix));
      if (other !== undefined && other !== prefix) {
        throw new Error(`refusing to write ${JSON.stringify(prefix)}: same file as ${JSON.stringify(other)} on a case-insensitive file system`);
      }
      seen.set(caseInsensitiveKey(prefix), prefix);
    }
  }
}
