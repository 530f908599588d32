// Bytes to text, refusing what is no doc page at all: empty files and binary data. UTF-8
// (with or without a BOM) and UTF-16 with a BOM (what Windows editors save) are read.

const decoder = new TextDecoder('utf-8', { fatal: false });
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

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
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return { problem: 'binary data (NUL bytes), not a text page' };
  let text: string;
  let warning: string | undefined;
  try {
    text = strictDecoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    text = decoder.decode(bytes).replace(/^\uFEFF/, '');
    warning = 'some bytes are not UTF-8: they read as U+FFFD (\ufffd); save the page as UTF-8';
  }
  const sample = text.slice(0, 4096);
  const replaced = (sample.match(/\uFFFD/g) ?? []).length;
  if (replaced > sample.length / 20) return { problem: 'not UTF-8 text (mostly undecodable bytes)' };
  if (!text.trim()) return { problem: 'empty file (whitespace only)' };
  return warning ? { text, warning } : { text };
}
