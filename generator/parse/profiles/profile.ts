// A page profile: how one doc family lays out its pages. Profiles are data (header words,
// heading words, limits) plus one reader with the signature below; parsePage picks the
// profile per file by structure (detect), unless the user names one (`--profile`, config `profile`).
import type { PageFormat } from '../../read/page-file.js';
import type { PageResult } from '../page.js';

/** One decoded page, as every profile's reader receives it. */
export interface PageInput {
  /** Page path relative to its input root. */
  file: string;
  text: string;
  format: PageFormat;
}

export interface PageProfile {
  /** Recorded in Provenance.profile of what it reads. */
  name: string;
  /** Largest page, in bytes, the profile reads; larger ones are reported and skipped. */
  maxPageBytes?: number;
  /** How strongly the page's structure says it is of this family (0: not at all). */
  detect(input: PageInput): number;
  /**
   * A test of a UTF-8 page's bytes that is false only where detect() is 0 (a marker that every
   * page it takes shows is missing): such a page is told apart without being decoded whole.
   * Absent: any page may be of this family.
   */
  mayDetect?(bytes: Buffer): boolean;
  /** The reader reads an HTML page from its first `<h1>` on only (fromFirstH1): the text before it need not be decoded. */
  readsHtmlFromFirstH1?: true;
  read(input: PageInput): PageResult;
}
