/** One doc page as found on disk. */
export interface PageFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the input root it was found under, with `/` separators. */
  rel: string;
  /** Raw bytes; decoding and sniffing happen in the parser so bad files become diagnostics. */
  bytes: Buffer;
}

export type PageFormat = 'html' | 'markdown';

/** Markdown by extension; everything else is read as HTML. */
export function pageFormat(rel: string): PageFormat {
  return /\.(md|markdown)$/i.test(rel) ? 'markdown' : 'html';
}
