// Applies the corrections of docsdk.config.json to a model: client renames, operation verb
// and path, field type/enum/required. An overridden fact is no longer inferred, so it leaves
// the item's `inferred` list. Overrides that match nothing are reported, naming their key.
import type { Diagnostic, Field, InferredFact, Model, Operation } from '../model/types.js';
import { paramLocation } from '../model/infer.js';
import { keyPath } from './validate.js';
import { parseTypeExpression, referencedStructure } from './type-expression.js';
import { CONFIG_FILE_NAME, type DocsdkConfig, type FieldOverride, type OperationOverride } from './types.js';

type Report = (severity: Diagnostic['severity'], code: string, key: string, message: string) => void;

const without = (facts: InferredFact[] | undefined, drop: InferredFact[]) =>
  (facts ?? []).filter((f) => !drop.includes(f));

function overrideOperation(op: Operation, override: OperationOverride): void {
  if (override.verb) {
    op.http.verb = override.verb;
    const where = paramLocation(override.verb);
    op.params = op.params.map((p) => ({ ...p, in: where }));
  }
  if (override.path) op.http.path = override.path;
  op.inferred = without(op.inferred, [
    ...(override.verb ? (['http.verb'] as const) : []),
    ...(override.path ? (['http.path'] as const) : []),
  ]);
}

function overrideField(field: Field, override: FieldOverride): void {
  const settled: InferredFact[] = [];
  if (override.type !== undefined) {
    field.type = parseTypeExpression(override.type);
    settled.push('type', 'items');
  }
  if (override.enum !== undefined) field.enum = [...override.enum];
  if (override.required !== undefined) {
    field.required = override.required;
    settled.push('required');
  }
  const inferred = without(field.inferred, settled);
  if (inferred.length) field.inferred = inferred;
  else delete field.inferred;
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

function applyFieldOverrides(model: Model, overrides: Record<string, FieldOverride>, report: Report): void {
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
  }
}

function applyOperationOverrides(model: Model, overrides: Record<string, OperationOverride>, report: Report): void {
  const operations = model.clients.flatMap((c) => c.operations);
  for (const [name, override] of Object.entries(overrides)) {
    const matched = operations.filter((op) => op.name === name);
    if (!matched.length) {
      const at = keyPath(['operations', name]);
      report('warning', 'config.unmatched-override', at, `${at} matches nothing: no operation ${name}`);
    }
    for (const op of matched) overrideOperation(op, override);
  }
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

/**
 * Returns a corrected copy of `model` (the input is not touched). The returned diagnostics
 * are also appended to the copy's `model.diagnostics`, so a saved model carries them.
 * `configFile` is the name diagnostics give as their file.
 */
export function applyOverrides(
  model: Model,
  config: DocsdkConfig,
  configFile: string = CONFIG_FILE_NAME,
): { model: Model; diagnostics: Diagnostic[] } {
  const out = structuredClone(model);
  const diagnostics: Diagnostic[] = [];
  const report: Report = (severity, code, section, message) =>
    diagnostics.push({ severity, code, message, file: configFile, section });

  // Operation and field keys use the page's names, so they go before client renames.
  applyOperationOverrides(out, config.operations ?? {}, report);
  applyFieldOverrides(out, config.fields ?? {}, report);
  applyClientRenames(out, config.clients ?? {}, report);
  out.diagnostics.push(...diagnostics);
  return { model: out, diagnostics };
}
