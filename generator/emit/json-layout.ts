// Reading back where the parts of a JSON document jsonFile made are, from its layout alone:
// JSON.stringify with an indent of 2, whose raw line breaks are always structural (strings
// escape theirs) and whose every line is indented by two spaces per level of nesting. So the
// object value of a member at depth d starts with the `{` ending the member's line and ends at
// the first `}` line indented by 2d after it.

/** The bytes of each piece of layout looked for, made once. */
const needles = new Map<string, Uint8Array>();

/** Whether `bytes` holds `text` (ASCII) at `at`: compared here, a byte at a time (the pieces are short; a call into Buffer#compare costs more). */
function holds(bytes: Buffer, at: number, text: string): boolean {
  let expected = needles.get(text);
  if (!expected) needles.set(text, (expected = Buffer.from(text)));
  if (at < 0 || at + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

// A line break and the indent of each level of nesting (LINE[n]: 2n spaces), before an element or after the last.
export const LINE = ['\n', '\n  ', '\n    ', '\n      ', '\n        ', '\n          '];
export const NEXT_LINE = LINE.map((line) => ',' + line);
const NEWLINE = 0x0a;
export const OPEN = 0x7b; // {
export const CLOSE = 0x7d; // }

/**
 * The end (exclusive) of the object value starting at `start` (a `{`) whose closing line is
 * indented by `indent` spaces (a raw line break is structural, and lines within are indented
 * deeper); -1 where it is not an object.
 */
export function objectEnd(bytes: Buffer, start: number, indent: number): number {
  if (bytes[start] !== OPEN) return -1;
  if (bytes[start + 1] === CLOSE) return start + 2;
  if (!holds(bytes, start + 1, LINE[indent / 2 + 1])) return -1;
  const close = bytes.indexOf(LINE[indent / 2] + '}', start);
  return close < 0 ? -1 : close + indent + 2;
}

/** A place in the bytes, moved past the layout it checks. */
export class LayoutCursor {
  at = 0;
  constructor(readonly bytes: Buffer) {}

  /** Whether `text` is next; moves past it if so. */
  next(text: string): boolean {
    return holds(this.bytes, this.at, text) && (this.at += text.length) > 0;
  }

  /** Moves past the rest of the line (a key or a string: no raw line break), up to `text` on the next. */
  restOfLine(text: string): boolean {
    // Looked for here: the line is short, and a call into Buffer#indexOf costs more.
    while (this.at < this.bytes.length && this.bytes[this.at] !== NEWLINE) this.at++;
    this.at--;
    return this.next(text);
  }

  /** Moves to the member line `line` (top-level members are the only lines indented by 2: found by search) and past it. */
  find(line: string): boolean {
    this.at = this.bytes.indexOf(line, this.at);
    return this.at >= 0 && this.next(line);
  }

  /**
   * Moves past the `count` members of the object whose `{` was just passed, at depth `depth`,
   * each an object value: `part(k, start)` gives the end of the k-th (-1: not there), or
   * undefined to have it found. Whether the layout was as expected throughout.
   */
  objectMembers(depth: number, count: number, part: (k: number, start: number) => number | undefined): boolean {
    for (let k = 0; k < count; k++) {
      // The member's line ends with its value's `{`.
      if (!this.next((k ? NEXT_LINE : LINE)[depth + 1]) || !this.next('"') || !this.restOfLine('{')) return false;
      const start = this.at - 1;
      const end = part(k, start) ?? objectEnd(this.bytes, start, 2 * (depth + 1));
      if (end < 0) return false;
      this.at = end;
    }
    return (!count || this.next(LINE[depth])) && this.next('}');
  }
}
