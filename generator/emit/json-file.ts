// The JSON documents of the output (openapi.json, docsdk-model.json) as the bytes written:
// jsonText's text, made as UTF-8 once. A run that has the file the last run wrote checks only
// the bytes that differ from it for characters to escape.
import { hasInvisible, invisibleEscapedInJson } from './escape.js';

/** How many bytes `a` and `b` have in common from the start (`fromEnd`: from the end), up to `limit`: long runs compared at once, then halves. */
function common(a: Buffer, b: Buffer, limit: number, fromEnd: boolean): number {
  let length = 0;
  for (let step = 1 << 16; step >= 1; ) {
    const next = length + step;
    const same = next <= limit && (fromEnd ? a.compare(b, b.length - next, b.length - length, a.length - next, a.length - length) : a.compare(b, length, next, length, next)) === 0;
    if (same) length = next;
    else step >>= 1;
  }
  return length;
}

/** How many bytes `a` and `b` share at the start, and then at the end (the two never overlap in either). */
export function sharedEnds(a: Buffer, b: Buffer): [head: number, tail: number] {
  const shorter = Math.min(a.length, b.length);
  const head = common(a, b, shorter, false);
  return [head, common(a, b, shorter - head, true)];
}

const encoder = new TextEncoder();

/**
 * `text` as UTF-8, as Buffer.from makes it (a lone surrogate as U+FFFD either way; JSON text
 * has none): a long text encoded at once into room for the worst case (three bytes per UTF-16
 * unit), then copied out at its length, which is quicker than Buffer.from's encoding.
 */
export function utf8(text: string): Buffer {
  if (text.length < 1 << 16) return Buffer.from(text);
  const room = Buffer.allocUnsafeSlow(3 * text.length);
  const { written } = encoder.encodeInto(text, room);
  return Buffer.from(room.subarray(0, written));
}

const isContinuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;

/**
 * jsonText(value, 2) and a line break, as UTF-8. `previous`: bytes this function made before
 * (the file the last run wrote, its sha256 checked), which hold no bidi control or invisible
 * character: where the JSON text's bytes share a start and an end with them, those hold none
 * either (the same bytes, whole characters: UTF-8 is self-synchronizing), so only the
 * characters between are looked at; where none is found there, the text needs no escape.
 */
export function jsonFile(value: unknown, previous?: Buffer): Buffer {
  const text = JSON.stringify(value, null, 2) + '\n';
  if (previous) {
    const bytes = utf8(text);
    const [head, tail] = sharedEnds(previous, bytes);
    // Widened to whole characters.
    let [start, end] = [head, bytes.length - tail];
    while (start > 0 && isContinuation(bytes[start])) start--;
    while (isContinuation(bytes[end])) end++;
    if (!hasInvisible(bytes.toString('utf8', start, end))) return bytes;
  }
  return utf8(invisibleEscapedInJson(text));
}
