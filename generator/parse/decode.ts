// Bytes to text, refusing what is no doc page at all: empty files and binary data. UTF-8
// (with or without a BOM) and UTF-16 with a BOM (what Windows editors save) are read.

import { isUtf8 } from 'node:buffer';

const decoder = new TextDecoder('utf-8', { fatal: false });
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
/** For a part of a page checked to be UTF-8, after its start: a U+FEFF where the part starts is text, no BOM. */
const partDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const REPLACEMENT = Buffer.from('\ufffd');
/** The characters decodePage counts U+FFFD in; in UTF-8 they take at most 3 bytes each (a BOM or two aside): SAMPLE_BYTES. */
const SAMPLE_CHARS = 4096;
const SAMPLE_BYTES = 4 * SAMPLE_CHARS;

/** The UTF-16 flavor a byte-order mark announces, if any. */
function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The page's text, with a warning when some bytes were not UTF-8; or why it is no text page. */
export function decodePage(bytes: Uint8Array): { text: string; warning?: string } | { problem: string } {
  if (bytes.length === 0) return { problem: 'empty file' };
  const utf16 = utf16ByBom(bytes);
  if (utf16) {
    // The decoder drops the BOM; an odd byte or a lone surrogate becomes U+FFFD.
    const text = new TextDecoder(utf16).decode(bytes);
    return text.trim() ? { text } : { problem: 'empty file (whitespace only)' };
  }
  if (hasNulHead(bytes)) return { problem: 'binary data (NUL bytes), not a text page' };
  let text: string;
  let warning: string | undefined;
  try {
    text = strictDecoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    text = decoder.decode(bytes).replace(/^\uFEFF/, '');
    warning = 'some bytes are not UTF-8: they read as U+FFFD (\ufffd); save the page as UTF-8';
  }
  const sample = text.slice(0, SAMPLE_CHARS);
  const replaced = (sample.match(/\uFFFD/g) ?? []).length;
  if (replaced > sample.length / 20) return { problem: 'not UTF-8 text (mostly undecodable bytes)' };
  if (!text.trim()) return { problem: 'empty file (whitespace only)' };
  return warning ? { text, warning } : { text };
}

/** NUL bytes where a text page has none: in its first 4 KiB. */
function hasNulHead(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4096).includes(0);
}

/**
 * Whether the page is UTF-8 that decodePage reads with no warning and refuses for nothing its
 * bytes show (blank text aside): UTF-8 throughout (isUtf8 checks it much faster than decoding
 * does), no UTF-16 byte-order mark, no NUL in its head, and no U+FFFD in the bytes that hold
 * the characters decodePage samples. False says nothing: such pages are left to decodePage.
 */
export function isCleanUtf8(bytes: Buffer): boolean {
  return bytes.length > 0 && !utf16ByBom(bytes) && !hasNulHead(bytes) && isUtf8(bytes) && !bytes.subarray(0, SAMPLE_BYTES).includes(REPLACEMENT);
}

/**
 * The text of a page isCleanUtf8 takes from byte `start` on (0, or where a character after
 * the BOMs decodePage drops starts), exactly that part of decodePage's text, without decoding
 * the bytes before it. Undefined where the part is blank.
 */
export function decodeFrom(bytes: Buffer, start: number): string | undefined {
  // From the start, as decodePage decodes (a BOM dropped by the decoder, then one more).
  const part = start === 0 ? strictDecoder.decode(bytes).replace(/^\uFEFF/, '') : partDecoder.decode(bytes.subarray(start));
  return part.trim() ? part : undefined;
}
