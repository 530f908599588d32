// Compares two public-API dumps and classifies every change by what it does to users of the
// generated SDK: `breaking` (their code or calls may stop working), `feature` (new things
// they can use), `docs` (descriptions and examples only).
import type { Provenance } from '../model/types.js';
import type { ModelParts } from './model-file-parts.js';
import { parentKey, publicApi, type ApiEntry, type FieldFacts, type PublicApi, type Usage } from './public-api.js';
import { unchangedParts } from './unchanged.js';

export type ChangeLevel = 'breaking' | 'feature' | 'docs';
export type SemverBump = 'major' | 'minor' | 'patch' | 'none';

export interface ApiChange {
  level: ChangeLevel;
  /** Stable machine-readable kind, e.g. `param.removed`, `field.enum-value-added`. */
  code: string;
  /** `Client.operation`, `Client.operation(param)`, `Structure` or `Structure.field`. */
  location: string;
  message: string;
  /** Where the fact is on the pages: the new side's, or the old side's for removals. */
  source: Provenance;
}

export interface ApiDiff {
  bump: SemverBump;
  changes: ApiChange[];
}

type Add = (level: ChangeLevel, code: string, message: string) => void;

const code = (s: string) => `\`${s}\``;
const list = (values: string[]) => values.map(code).join(', ');
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Parameters are always sent; fields are sent or received as their structure is used. */
const usageOf = (e: ApiEntry): Usage[] => (e.kind === 'param' ? ['input'] : e.kind === 'field' || e.kind === 'structure' ? e.usage : []);

/**
 * Listed values by what they do to callers. A closed union is all the type accepts: fewer
 * values break senders, more values break receivers (their exhaustive switches). An open
 * union (`'a' | (string & {})`) accepts any value of its type, so its values are completions:
 * added ones are a feature, removed ones docs. Closing a union breaks senders, opening one
 * breaks receivers. Value changes count as closed ones only when both sides are closed.
 */
function compareEnums(before: FieldFacts, after: FieldFacts, sent: boolean, received: boolean, add: Add): void {
  const narrowed = sent ? 'breaking' : 'feature';
  const widened = received ? 'breaking' : 'feature';
  if (before.enum && after.enum) {
    const closed = before.enumClosed && after.enumClosed;
    if (!before.enumClosed && after.enumClosed) add(narrowed, 'enum-closed', `closed: only ${list(after.enum)} accepted`);
    if (before.enumClosed && !after.enumClosed) add(widened, 'enum-opened', `opened: values besides ${list(after.enum)} accepted`);
    const removed = before.enum.filter((v) => !after.enum!.includes(v));
    const added = after.enum.filter((v) => !before.enum!.includes(v));
    const values = (n: number) => plural(n, 'enum value', 'enum values');
    if (removed.length) add(closed ? 'breaking' : 'docs', 'enum-value-removed', `${values(removed.length)} ${list(removed)} removed`);
    if (added.length) add(closed ? widened : 'feature', 'enum-value-added', `${values(added.length)} ${list(added)} added`);
  } else if (after.enum) {
    if (after.enumClosed) add(narrowed, 'enum-added', `now restricted to ${list(after.enum)}`);
    else add('feature', 'enum-added', `now lists ${list(after.enum)} (open: other values accepted)`);
  } else if (before.enum) {
    if (before.enumClosed) add(widened, 'enum-removed', `no longer restricted to ${list(before.enum)}`);
    else add('docs', 'enum-removed', `no longer lists ${list(before.enum)}`);
  }
}

function compareFields(before: FieldFacts, after: FieldFacts, usage: Set<Usage>, add: Add): void {
  const sent = usage.has('input');
  const received = usage.has('output');
  if (before.type !== after.type) add('breaking', 'type-changed', `type changed from ${code(before.type)} to ${code(after.type)}`);
  if (before.in !== after.in) add('breaking', 'location-changed', `sent in the ${after.in ?? 'request'} instead of the ${before.in ?? 'request'}`);
  if (!before.required && after.required) add(sent ? 'breaking' : 'feature', 'became-required', 'became required');
  if (before.required && !after.required) add(received ? 'breaking' : 'feature', 'became-optional', 'became optional');

  compareEnums(before, after, sent, received, add);

  if (before.maxItems !== after.maxItems) {
    const tighter = after.maxItems !== undefined && (before.maxItems === undefined || after.maxItems < before.maxItems);
    const limit = after.maxItems === undefined ? 'array length limit removed' : `array length limit ${after.maxItems}`;
    add(tighter && sent ? 'breaking' : 'feature', 'max-items-changed', `${limit} (was ${before.maxItems ?? 'none'})`);
  }
  if (!before.nullable && after.nullable) add(received ? 'breaking' : 'feature', 'became-nullable', 'may now be null');
  if (before.nullable && !after.nullable) add(sent ? 'breaking' : 'feature', 'no-longer-nullable', 'may no longer be null');
  if (before.format !== after.format) add('docs', 'format-changed', `format ${after.format === undefined ? 'removed' : code(after.format)} (was ${before.format ?? 'none'})`);
  if (before.access !== after.access) add('feature', 'access-changed', `${after.access ?? 'read and written'} (was ${before.access ?? 'read and written'})`);
  if (before.default !== after.default) add('docs', 'default-changed', `default ${after.default === undefined ? 'removed' : code(after.default)}`);
  if (before.description !== after.description) add('docs', 'description-changed', 'description changed');
  if (before.example !== after.example) add('docs', 'example-changed', 'example changed');
}

function compareOperations(before: ApiEntry & { kind: 'operation' }, after: ApiEntry & { kind: 'operation' }, add: Add): void {
  if (before.http !== after.http) add('breaking', 'http-changed', `endpoint changed from ${code(before.http)} to ${code(after.http)}`);
  if (before.response !== after.response)
    add('breaking', 'response-changed', `response type changed from ${code(before.response ?? 'none')} to ${code(after.response ?? 'none')}`);
  if (before.pagination !== after.pagination) {
    if (before.pagination === undefined) add('feature', 'iterator-added', `paginated (${after.pagination}): an iterator over its items is added`);
    else if (after.pagination === undefined) add('breaking', 'iterator-removed', 'no longer paginated: its iterator is removed');
    else add('breaking', 'pagination-changed', `pagination changed from ${code(before.pagination)} to ${code(after.pagination)}`);
  }
  if (before.body !== after.body) add('breaking', 'body-changed', `request body changed from ${code(before.body ?? 'none')} to ${code(after.body ?? 'none')}`);
  if (before.responses !== after.responses) add('feature', 'responses-changed', `responses changed from ${code(before.responses ?? 'none')} to ${code(after.responses ?? 'none')}`);
  if (before.security !== after.security) add('breaking', 'security-changed', `security changed from ${code(before.security ?? 'none shown')} to ${code(after.security ?? 'none shown')}`);
  if (before.summary !== after.summary) add('docs', 'summary-changed', 'summary changed');
  if (before.description !== after.description) add('docs', 'description-changed', 'description changed');
  if (before.responseExample !== after.responseExample) add('docs', 'response-example-changed', 'response example changed');
}

const NOUN = { operation: 'operation', param: 'parameter', structure: 'structure', field: 'field' } as const;

function added(entry: ApiEntry, add: Add): void {
  const noun = NOUN[entry.kind];
  const required = (entry.kind === 'param' || entry.kind === 'field') && entry.required;
  // A new required input breaks every existing call; anything else new is a feature.
  if (required && usageOf(entry).includes('input')) add('breaking', 'added-required', `required ${noun} added`);
  else add('feature', 'added', `${required ? 'required ' : ''}${noun} added`);
}

/**
 * Whether `api` lacks the operation or structure a parameter or field belongs to: then the
 * parameter's removal (or addition) is part of its parent's, reported once, there.
 */
function parentMissing(api: PublicApi, location: string, entry: ApiEntry): boolean {
  return (entry.kind === 'param' || entry.kind === 'field') && !api.has(parentKey(location, entry.kind));
}

const RANK: Record<ChangeLevel, number> = { docs: 0, feature: 1, breaking: 2 };

/** Whether the diff has a change at `level` or above (what `--fail-on level` stops on). */
export function hasChangeAtLeast(diff: ApiDiff, level: ChangeLevel): boolean {
  return diff.changes.some((c) => RANK[c.level] >= RANK[level]);
}

function bumpFor(changes: ApiChange[]): SemverBump {
  const levels = new Set(changes.map((c) => c.level));
  return levels.has('breaking') ? 'major' : levels.has('feature') ? 'minor' : levels.has('docs') ? 'patch' : 'none';
}

/** Every change of the generated public API from `oldModel` to `newModel`, and the semver bump it calls for. */
export function diffModels(oldModel: ModelParts, newModel: ModelParts): ApiDiff {
  // What is the same on both sides can change nothing: only the rest is dumped and compared.
  const same = unchangedParts(oldModel, newModel);
  return diffApis(publicApi(oldModel, same), publicApi(newModel, same));
}

/** Every change from one public-API dump to another, and the semver bump it calls for. */
export function diffApis(oldApi: PublicApi, newApi: PublicApi): ApiDiff {
  const locations = [...new Set([...oldApi.keys(), ...newApi.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const changes: ApiChange[] = [];

  for (const location of locations) {
    const before = oldApi.get(location);
    const after = newApi.get(location);
    const entry = (after ?? before)!;
    const add: Add = (level, what, message) =>
      changes.push({ level, code: `${entry.kind}.${what}`, location, message, source: entry.source });

    if (!after) {
      if (!parentMissing(newApi, location, before!)) add('breaking', 'removed', `${NOUN[before!.kind]} removed`);
    } else if (!before) {
      if (!parentMissing(oldApi, location, after)) added(after, add);
    } else if (before.kind === 'operation' && after.kind === 'operation') {
      compareOperations(before, after, add);
    } else if (before.kind === 'structure' && after.kind === 'structure') {
      if (before.shape !== after.shape) add('breaking', 'shape-changed', `changed from ${code(before.shape ?? 'object')} to ${code(after.shape ?? 'object')}`);
    } else if ((before.kind === 'param' || before.kind === 'field') && (after.kind === 'param' || after.kind === 'field')) {
      compareFields(before, after, new Set([...usageOf(before), ...usageOf(after)]), add);
    }
  }
  return { bump: bumpFor(changes), changes };
}
