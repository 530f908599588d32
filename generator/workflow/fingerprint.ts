// What a generate run's outcome depends on, in one place. Two runs with equal fingerprints
// and the same output folder on disk end the same way (files, diagnostics, exit code), which
// is what lets the fast path replay the previous run instead of redoing it. Anything new that
// can change the output, a diagnostic or the exit code (an evidence file, a new flag) must be
// added to FingerprintInputs, or the cache will replay a stale result.
import { hash } from 'node:crypto';
import { docsdkBuildId } from '../config/package-root.js';
import type { PageFile } from '../read/page-file.js';

/** sha256 (hex) of text (as UTF-8) or bytes: one call, no Hash object (thousands per run). */
export const sha256 = (data: string | Buffer): string => hash('sha256', data, 'hex');

export interface FingerprintInputs {
  /** Every page (path, content, whether it was too large to read). */
  pages: PageFile[];
  /** The effective config (paths resolved), package name and version included. */
  config: unknown;
  /** The template files replacing the built-in ones (`--templates`), by relative path. */
  templates: ReadonlyMap<string, Buffer>;
  /** The flags that change what is written or how the run ends: --strict, --check, --fail-on, the shrink guard. */
  flags: Record<string, unknown>;
  /** Hash of the evidence the run reads (docsdk.evidence.json and --evidence captures; see evidence/load.ts). */
  evidence?: string;
}

/** sha256 of each page's bytes, once per page: the fingerprint, the cache's lookup and its store all need it. */
const pageHashes = new WeakMap<PageFile, string>();

/** sha256 of a page's bytes (as an earlier run saw them, for a page found unchanged and not read). */
export function pageSha256(page: PageFile): string {
  let hash = page.unchangedSha256 ?? pageHashes.get(page);
  if (hash === undefined) pageHashes.set(page, (hash = sha256(page.bytes)));
  return hash;
}

/** What a page's parse result depends on: its path, its bytes, and whether (and why) it was left unread. */
export function pageIdentity(page: PageFile): string {
  const oversize = page.oversize ? `${page.oversize.size}/${page.oversize.limit}` : '';
  return `${page.rel}\0${pageSha256(page)}\0${oversize}\0${page.unreadable ?? ''}`;
}

const hashed = (files: ReadonlyMap<string, Buffer> | undefined) => [...(files ?? [])].map(([path, bytes]) => [path, sha256(bytes)]);

/** One hash of FingerprintInputs plus docsdk's build (version and a hash of its code and templates). */
export function runFingerprint(inputs: FingerprintInputs): string {
  return sha256(
    JSON.stringify({
      docsdkBuild: docsdkBuildId(),
      pages: inputs.pages.map(pageIdentity),
      config: inputs.config,
      templates: hashed(inputs.templates),
      flags: inputs.flags,
      evidence: inputs.evidence ?? null,
    }),
  );
}
