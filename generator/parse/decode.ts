// Bytes to text, refusing what is no doc page at all: empty files and binary data.

const decoder = new TextDecoder('utf-8', { fatal: false });

export function decodePage(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.length === 0) return { problem: 'empty file' };
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return { problem: 'binary data (NUL bytes), not a text page' };
  const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
  const sample = text.slice(0, 4096);
  const replaced = (sample.match(/\uFFFD/g) ?? []).length;
  if (replaced > sample.length / 20) return { problem: 'not UTF-8 text (mostly undecodable bytes)' };
  if (!text.trim()) return { problem: 'empty file (whitespace only)' };
  return { text };
}
