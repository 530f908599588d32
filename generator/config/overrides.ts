// Applies the corrections of docsdk.config.json to a model: client renames, operation verb,
// path and name, field type/enum/enumClosed/required, every list of values closed at once. An
// overridden fact is configured: it leaves the item's `inferred` and `verified` lists for
// `configured`. Overrides that match nothing are reported, naming their key.
import type { Diagnostic, Field, InferredFact, Model, Operation } from '../model/types.js';
import { paramLocation } from '../model/infer.js';
import { settle } from '../model/marks.js';
import { keyPath } from './validate.js';
import { compareStrings } from '../read/inputs.js';
import { parseTypeExpression, referencedStructure } from './type-expression.js';
import { CONFIG_FILE_NAME, type DocsdkConfig, type FieldOverride, type OperationOverride } from './types.js';

type Report = (severity: Diagnostic['severity'], code: string, key: string, message: string) => void;

function overrideOperation(op: Operation, override: OperationOverride): void {
  if (override.verb) {
    op.http.verb = override.verb;
    const where = paramLocation(override.verb);
    op.params = op.params.map((p) => ({ ...p, in: where }));
  }
  if (override.path) op.http.path = override.path;
  if (override.pagination) op.pagination = structuredClone(override.pagination);
  else if (override.pagination === false) delete op.pagination;
  settle(
    op,
    [
      ...(override.verb ? (['http.verb'] as const) : []),
      ...(override.path ? (['http.path'] as const) : []),
      ...(override.pagination !== undefined ? (['pagination'] as const) : []),
    ],
    'configured',
  );
}

/** A configured pagination whose page or size parameter the operation does not have is still used, with a warning. */
function checkPaginationParams(op: Operation, override: OperationOverride, report: Report): void {
  const { pagination } = override;
  const missing = pagination ? [pagination.pageParam, pagination.sizeParam].filter((param) => !op.params.some((f) => f.name === param)) : [];
  if (!missing.length) return;
  const at = keyPath(['operations', op.name, 'pagination']);
  report('warning', 'config.pagination-param', at, `${at}: ${op.name} has no parameter ${missing.join(' or ')}; the iterator sends it anyway`);
}

function overrideField(field: Field, override: FieldOverride): void {
  const settled: InferredFact[] = [];
  if (override.type !== undefined) {
    field.type = parseTypeExpression(override.type);
    delete field.itemsEvidence;
    settled.push('type', ...(field.type.kind === 'array' ? (['items'] as const) : []));
  }
  if (override.enum !== undefined) {
    field.enum = [...override.enum];
    settled.push('enum');
  }
  if (override.enumClosed !== undefined) setEnumClosed(field, override.enumClosed);
  if (override.required !== undefined) {
    field.required = override.required;
    settled.push('required');
  }
  settle(field, settled, 'configured');
}

function setEnumClosed(field: Field, closed: boolean): void {
  if (closed) field.enumClosed = true;
  else delete field.enumClosed;
}

/** The top-level `enumClosed: true` closes every field's list of values, but where a field's own `enumClosed` says otherwise. */
function closeAllEnums(model: Model, ownSay: Set<Field>): void {
  const fields = [...model.clients.flatMap((c) => c.operations.flatMap((op) => op.params)), ...Object.values(model.structures).flatMap((s) => s.fields)];
  for (const field of fields) if (field.enum && !ownSay.has(field)) setEnumClosed(field, true);
}

/** Fields a `fields` key names: `Structure.field` first, else `operationName.param` in any client. */
function fieldsFor(model: Model, key: string): { fields: Field[]; owner: string | undefined } {
  const dot = key.indexOf('.');
  const [owner, name] = [key.slice(0, dot), key.slice(dot + 1)];
  const structure = Object.hasOwn(model.structures, owner) ? model.structures[owner] : undefined;
  const lists = structure
    ? [structure.fields]
    : model.clients.flatMap((c) => c.operations.filter((op) => op.name === owner).map((op) => op.params));
  return { fields: lists.flatMap((list) => list.filter((f) => f.name === name)), owner: lists.length ? owner : undefined };
}

/** Applies `fields`; returns the fields whose override sets `enumClosed`. */
function applyFieldOverrides(model: Model, overrides: Record<string, FieldOverride>, report: Report): Set<Field> {
  const closedOrOpened = new Set<Field>();
  for (const [key, override] of Object.entries(overrides)) {
    const at = keyPath(['fields', key]);
    const ref = override.type === undefined ? undefined : referencedStructure(parseTypeExpression(override.type));
    if (ref !== undefined && !Object.hasOwn(model.structures, ref)) {
      report('error', 'config.unknown-structure', at, `${at}.type: no structure named ${ref} in the model; override not applied`);
      continue;
    }
    const { fields, owner } = fieldsFor(model, key);
    if (!fields.length) {
      const why = owner ? `${owner} has no field ${key.slice(owner.length + 1)}` : `no structure or operation ${key.split('.')[0]}`;
      report('warning', 'config.unmatched-override', at, `${at} matches nothing: ${why}`);
    }
    for (const field of fields) overrideField(field, override);
    if (override.enumClosed !== undefined) for (const field of fields) closedOrOpened.add(field);
    if (override.enumClosed && fields.some((f) => !f.enum)) {
      report('warning', 'config.no-enum', at, `${at}.enumClosed: the field lists no values (give them in ${at}.enum); its type is not a union`);
    }
  }
  return closedOrOpened;
}

/** The operations each `operations` key names (matched once, before any of them is renamed). */
function matchOperations(model: Model, overrides: Record<string, OperationOverride>, report: Report): [OperationOverride, Operation[]][] {
  const operations = model.clients.flatMap((c) => c.operations);
  return Object.entries(overrides).map(([name, override]) => {
    const matched = operations.filter((op) => op.name === name);
    if (!matched.length) {
      const at = keyPath(['operations', name]);
      report('warning', 'config.unmatched-override', at, `${at} matches nothing: no operation ${name}`);
    }
    return [override, matched];
  });
}

/**
 * Names set in the config. A name another operation of the client has is refused; a set name
 * settles the page's `operation.duplicate-name` warning (the user chose it).
 */
function applyNames(model: Model, matches: [OperationOverride, Operation[]][], report: Report): void {
  const settled = new Set<string>();
  for (const [override, ops] of matches) {
    if (override.name === undefined) continue;
    for (const op of ops) {
      const client = model.clients.find((c) => c.name === op.client)!;
      if (client.operations.some((other) => other !== op && other.name === override.name)) {
        const at = keyPath(['operations', op.name, 'name']);
        report('error', 'config.name-conflict', at, `${at}: ${op.client} already has an operation ${override.name}; not renamed`);
        continue;
      }
      op.name = override.name;
      settle(op, ['name'], 'configured');
      settled.add(op.source.file);
    }
  }
  model.diagnostics = model.diagnostics.filter((d) => !(d.code === 'operation.duplicate-name' && settled.has(d.file)));
  for (const client of model.clients) client.operations.sort((a, b) => compareStrings(a.name, b.name));
}

function applyClientRenames(model: Model, renames: Record<string, string>, report: Report): void {
  for (const [from, to] of Object.entries(renames)) {
    const client = model.clients.find((c) => c.name === from);
    const at = keyPath(['clients', from]);
    if (!client) {
      report('warning', 'config.unmatched-override', at, `${at} matches nothing: no client ${from}`);
      continue;
    }
    if (model.clients.some((c) => c.name === to)) {
      report('error', 'config.client-conflict', at, `${at}: a client named ${to} already exists; not renamed`);
      continue;
    }
    client.name = to;
    for (const op of client.operations) op.client = to;
  }
}

/** Whether applying `config` would leave `model` as it is: no overrides, and operations already in name order. */
function changesNothing(model: Model, config: DocsdkConfig): boolean {
  const none = (record: Record<string, unknown> | undefined) => record === undefined || Object.keys(record).length === 0;
  return (
    none(config.operations) &&
    none(config.fields) &&
    none(config.clients) &&
    !config.enumClosed &&
    model.clients.every(({ operations: ops }) => ops.every((op, i) => i === 0 || compareStrings(ops[i - 1].name, op.name) <= 0))
  );
}

/**
 * Returns a corrected copy of `model` (the input is not touched), or the model itself when the
 * config changes nothing. The returned diagnostics are also appended to the copy's
 * `model.diagnostics`, so a saved model carries them. `configFile` is the name diagnostics give
 * as their file.
 */
export function applyOverrides(
  model: Model,
  config: DocsdkConfig,
  configFile: string = CONFIG_FILE_NAME,
): { model: Model; diagnostics: Diagnostic[] } {
  // Copying the model is most of this stage's cost, and most configs override nothing.
  if (changesNothing(model, config)) return { model, diagnostics: [] };
  const out = structuredClone(model);
  const diagnostics: Diagnostic[] = [];
  const report: Report = (severity, code, section, message) =>
    diagnostics.push({ severity, code, message, file: configFile, section });

  // Operation and field keys use the names docsdk derives from the pages, so operation and
  // client renames come last.
  const matches = matchOperations(out, config.operations ?? {}, report);
  for (const [override, ops] of matches) {
    for (const op of ops) {
      overrideOperation(op, override);
      checkPaginationParams(op, override, report);
    }
  }
  const ownSay = applyFieldOverrides(out, config.fields ?? {}, report);
  if (config.enumClosed) closeAllEnums(out, ownSay);
  applyNames(out, matches, report);
  applyClientRenames(out, config.clients ?? {}, report);
  out.diagnostics.push(...diagnostics);
  return { model: out, diagnostics };
}
