import type { Diagnostic, Field, InferredFact, Provenance } from '../model/types.js';
import { defaultMismatch } from '../model/defaults.js';
import { readDefaultCell, readDescription, readExampleCell, readMaxItems, readRequiredCell, readTypeCell } from './cells.js';
import { readEnumValues } from './enum-list.js';
import type { ColumnRole, TableRows } from './table.js';

/** Parameter tables have a default column; response tables have no required column. */
export type FieldTableKind = 'params' | 'response' | 'structure';

const FIELD_NAME = /^[^\s<>`|]+$/;

/** Reads a field table's rows; a row it cannot read becomes a diagnostic naming the row. */
export function readFieldRows(
  table: TableRows,
  roles: Partial<Record<ColumnRole, number>>,
  kind: FieldTableKind,
  where: Pick<Provenance, 'file' | 'section'>,
  diagnostics: Diagnostic[],
): Field[] {
  const fields: Field[] = [];
  const seen = new Set<string>();
  const cell = (cells: string[], role: ColumnRole) => (roles[role] === undefined ? '' : (cells[roles[role]!] ?? ''));
  for (const { cells, rowNumber } of table.rows) {
    // A literal, not a spread of `where`: spreading costs more than the rest of the row's bookkeeping.
    const source: Provenance = { file: where.file, section: where.section, row: rowNumber };
    const problem = (message: string, severity: Diagnostic['severity'] = 'warning') =>
      diagnostics.push({ severity, code: 'row.unreadable', message, file: where.file, section: where.section, row: rowNumber });
    const written = readDescription(cell(cells, 'name')).replace(/`/g, '').trim();
    // One spelling per name: `café` typed as e + U+0301 and as é are the same name (NFC).
    const name = written.normalize('NFC');
    if (!FIELD_NAME.test(name)) {
      problem(`no field name in the name cell ("${name.slice(0, 60)}"); row skipped`);
      continue;
    }
    if (seen.has(name)) {
      problem(`field ${name} appears twice${written !== name ? ' (the same name once Unicode-normalized, NFC)' : ''}; the first row is kept`);
      continue;
    }
    seen.add(name);
    const description = readDescription(cell(cells, 'description'));
    const rawDescription = cell(cells, 'description');
    const typeReading = readTypeCell(cell(cells, 'type'), rawDescription);
    const inferred: InferredFact[] = [];
    if (typeReading.inferred) inferred.push(typeReading.inferred);
    if (typeReading.problem) problem(`${name}: ${typeReading.problem}`);
    let required = false;
    if (kind === 'response') {
      inferred.push('required');
      required = responseFieldRequired(name, description);
    } else if (roles.required === undefined) {
      // No required column: nothing on the page says the field must be there.
      inferred.push('required');
    } else {
      const shown = readRequiredCell(cell(cells, 'required'));
      if (shown === undefined) {
        problem(`${name}: required cell "${cell(cells, 'required').trim()}" is neither yes nor no; taken as optional`);
        inferred.push('required');
      }
      required = shown ?? false;
    }
    const field: Field = { name, type: typeReading.type, required, description, source };
    if (kind === 'params') {
      const value = readDefaultCell(cell(cells, 'default'), typeReading.type);
      if (value !== undefined) field.default = value;
      const mismatch = value === undefined ? undefined : defaultMismatch(value, typeReading.type);
      if (mismatch) problem(`${name}: ${mismatch}`);
    }
    const example = readExampleCell(cell(cells, 'example'));
    if (example !== undefined) field.example = example;
    const values = readEnumValues(description, example, typeReading.type);
    if (values) field.enum = values;
    const maxItems = readMaxItems(description);
    if (maxItems !== undefined) field.maxItems = maxItems;
    if (inferred.length) field.inferred = inferred;
    fields.push(field);
  }
  return fields;
}

// Response tables have no required column. Rule: a field is required unless it is one the
// envelope documents as sometimes absent (only returned on failure / not on success).
const ONLY_SOMETIMES = /失败时|不返回|才返回|when the request fails|fails|does not return|not returned|only returned|可能为空|optional/i;

function responseFieldRequired(name: string, description: string): boolean {
  return !ONLY_SOMETIMES.test(description) && !/^(apiCode|requestId)$/.test(name);
}
