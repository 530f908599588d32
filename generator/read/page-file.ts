/** One doc page as found on disk. */
export interface PageFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the input root it was found under, with `/` separators. */
  rel: string;
  /** Raw bytes; decoding and sniffing happen in the parser so bad files become diagnostics. */
  bytes: Buffer;
  /**
   * Set when the file is over the reader's size limit: `bytes` is then empty, and the parser
   * reports it, unless a profile that reads a whole API from one page (Widdershins) takes it
   * (it reads the file itself then, up to WHOLE_API_PAGE_BYTES).
   */
  oversize?: { size: number; limit: number };
  /** Set when the file could not be read (not a regular file, permission, gone): why; `bytes` is then empty. */
  unreadable?: string;
  /** fileSignature() of the file as it was read. */
  signature?: string;
  /**
   * Set when the file was not read, its signature being the one an earlier run recorded with
   * the sha256 its bytes had then: that sha256. `bytes` is then empty (rereadPage reads them).
   */
  unchangedSha256?: string;
}

/** Pages larger than this are not read: real doc pages are under 110 KB, and parsing costs about 2 s and 300 MB per MB of page (docs/limits.md). */
export const DEFAULT_MAX_PAGE_BYTES = 2 * 1024 * 1024;

/**
 * The largest page a profile reads whole-API pages up to (Widdershins: GitHub's API renders to
 * 38 MB on one page); such pages are read section by section (parse/profiles/split.ts).
 */
export const WHOLE_API_PAGE_BYTES = 64 * 1024 * 1024;

export type PageFormat = 'html' | 'markdown';

/** Markdown by extension; everything else is read as HTML. */
export function pageFormat(rel: string): PageFormat {
  return /\.(md|markdown)$/i.test(rel) ? 'markdown' : 'html';
}
