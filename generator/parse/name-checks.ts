// Names a page shows that read otherwise than they are: invisible characters (ZWJ, ZWSP,
// bidi controls…) that make `user\u200dId` look like `userId`, and bytes that were not
// UTF-8 (decoded as U+FFFD). Each is a warning naming the row; names are kept as written,
// since they go over the wire as they are (the SDK shows such a key as an escape).
import type { Diagnostic, Field } from '../model/types.js';

const INVISIBLE = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/gu;

const ASCII = /^[\x00-\x7f]*$/;

const codePoints = (chars: string[]) => [...new Set(chars)].map((ch) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(', ');

/** Warnings for the names of one table's `fields` (in `section` of `file`). */
export function checkFieldNames(fields: Field[], file: string, section: string, diagnostics: Diagnostic[]): void {
  const warn = (field: Field, message: string) =>
    diagnostics.push({ severity: 'warning', code: 'name.suspicious', message, file, section, ...(field.source.row !== undefined && { row: field.source.row }) });
  const byLook = new Map<string, Field>();
  for (const field of fields) {
    let look = field.name;
    // ASCII holds no invisible character and no U+FFFD; nearly every name is ASCII, and the
    // Unicode-property regex cost more than the rest of the table's reading.
    if (!ASCII.test(look)) {
      const hidden = look.match(INVISIBLE);
      if (hidden) warn(field, `the name ${JSON.stringify(field.name)} holds invisible characters (${codePoints(hidden)}): it looks like ${field.name.replace(INVISIBLE, '')}`);
      if (look.includes('\ufffd')) warn(field, `the name ${JSON.stringify(field.name)} holds bytes that are not UTF-8 (shown as U+FFFD): the page's encoding is broken there`);
      look = look.replace(INVISIBLE, '');
    }
    const twin = byLook.get(look);
    if (twin) warn(field, `the names ${JSON.stringify(twin.name)} and ${JSON.stringify(field.name)} look the same: they differ only by invisible characters`);
    else byLook.set(look, field);
  }
}
