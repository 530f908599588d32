// The evidence stage, between inference and the config's overrides: what a live server or
// captured traffic showed replaces what docsdk inferred, and is marked verified. An
// ambiguous result (no candidate answered, or several did) is a warning naming the
// operation and the candidates, and the inferred value stays.
import type { Diagnostic, Field, Model, Operation, Primitive, TypeRef } from '../model/types.js';
import { paramLocation } from '../model/infer.js';
import { settle } from '../model/marks.js';
import { bodyShape, type BodyShape } from './body-shape.js';
import { mergeEntry } from './file.js';
import type { HarCapture } from './har.js';
import { conclude, describeRoutes, routeKey } from './resolve.js';
import { trafficEvidence } from './traffic.js';
import type { BodyObservation, EvidenceFile, OperationEvidence } from './types.js';

export interface EvidenceInput {
  evidence: EvidenceFile;
  /** How diagnostics name the evidence file. */
  file: string;
  /** HAR files given with --evidence, used as they are (not recorded). */
  captures?: HarCapture[];
  /** Add the fields traffic shows and no page documents (config `addObservedFields`); otherwise they are only reported. */
  addObservedFields?: boolean;
  maxPaths?: number;
}

type Report = (d: Omit<Diagnostic, 'severity'>, severity?: Diagnostic['severity']) => void;

/** The file's entries with the captures' traffic merged in, and the captures' own notes. */
export function combinedEvidence(model: Model, input: EvidenceInput): { entries: Record<string, OperationEvidence>; diagnostics: Diagnostic[] } {
  const entries = { ...input.evidence.operations };
  if (!input.captures?.length) return { entries, diagnostics: [] };
  const traffic = trafficEvidence(model, input.captures, input.maxPaths);
  for (const [page, fresh] of Object.entries(traffic.entries)) {
    // Captures given on the command line add to the recorded traffic: both are evidence.
    const recorded = entries[page]?.traffic;
    entries[page] = mergeEntry(entries[page], recorded ? { ...fresh, traffic: { ...fresh.traffic!, routes: [...recorded.routes, ...fresh.traffic!.routes] } } : fresh);
  }
  return { entries, diagnostics: traffic.diagnostics };
}

function applyRoute(op: Operation, entry: OperationEvidence, report: Report): void {
  const { existing } = conclude(entry);
  const route = entry.verified;
  if (!route) {
    const why = existing.length ? `${existing.length} candidates answer (${describeRoutes(existing)})` : `no candidate answers (${tried(entry)} tried)`;
    report({ code: 'evidence.ambiguous', file: op.source.file, section: 'evidence', message: `${op.client}.${op.name}: ${why}; the inferred ${routeKey(op.http)} stays` });
    return;
  }
  if (route.verb !== op.http.verb) {
    op.http.verb = route.verb;
    const where = paramLocation(route.verb);
    op.params = op.params.map((p) => (p.in === 'query' || p.in === 'body' ? { ...p, in: where } : p));
  }
  op.http.path = route.path;
  // A `{name}` segment of the verified path is filled from the parameter of that name.
  const templated = new Set([...route.path.matchAll(/\{([A-Za-z_$][\w$]*)\}/g)].map((m) => m[1]));
  op.params = op.params.map((p) => (templated.has(p.name) && p.in !== 'path' ? { ...p, in: 'path' } : p));
  settle(op, ['http.verb', 'http.path'], 'verified');
}

const tried = (entry: OperationEvidence) =>
  entry.probe ? `${entry.probe.answers.length} requests` : `${entry.traffic?.routes.reduce((n, r) => n + r.requests, 0) ?? 0} captured calls`;

/** Item type from what array items were: one primitive type, or the smallest structure holding every key seen. */
function observedItems(model: Model, path: string, bodies: Record<string, BodyObservation>): TypeRef | undefined {
  const items = bodies[`${path}[]`];
  if (!items) return undefined;
  const types = items.types.filter((t) => t !== 'null');
  if (types.length !== 1 || types[0] === 'array') return undefined;
  if (types[0] !== 'object') return { kind: 'primitive', type: types[0] as Primitive };
  const keys = childKeys(`${path}[]`, bodies);
  const fits = Object.values(model.structures)
    .filter((s) => !s.placeholder && keys.every((k) => s.fields.some((f) => f.name === k)))
    .sort((a, b) => a.fields.length - b.fields.length);
  if (!fits.length || (fits[1] && fits[1].fields.length === fits[0].fields.length)) return { kind: 'primitive', type: 'object' };
  return { kind: 'ref', ref: fits[0].name };
}

function childKeys(path: string, bodies: Record<string, BodyObservation>): string[] {
  return Object.keys(bodies)
    .filter((k) => k.startsWith(`${path}.`) && !/[.[]/.test(k.slice(path.length + 1)))
    .map((k) => k.slice(path.length + 1));
}

const isUntypedArray = (f: Field) => f.type.kind === 'array' && f.type.items.kind === 'primitive' && f.type.items.type === 'unknown';

/** Types the untyped arrays traffic shows items of; again inside the items typed, as far as the traffic goes. Returns the final shape. */
function typeArrayItems(model: Model, op: Operation, bodies: Record<string, BodyObservation>): BodyShape {
  for (;;) {
    const shape = bodyShape(model, op);
    let typed = false;
    for (const [path, field] of shape.fields) {
      const items = isUntypedArray(field) ? observedItems(model, path, bodies) : undefined;
      if (!items) continue;
      field.type = { kind: 'array', items };
      settle(field, ['items'], 'verified');
      typed = true;
    }
    if (!typed) return shape;
  }
}

function applyBodies(model: Model, op: Operation, bodies: Record<string, BodyObservation>, input: EvidenceInput, report: Report): void {
  const shape = typeArrayItems(model, op, bodies);
  for (const [path, field] of shape.fields) {
    const seen = bodies[path];
    if (!seen) continue;
    const extra = field.enum ? (seen.values ?? []).filter((v) => !field.enum!.includes(v)) : [];
    if (extra.length) {
      field.enum = [...field.enum!, ...extra];
      settle(field, ['enum'], 'verified');
      report({ code: 'evidence.enum-values', file: op.source.file, section: field.source.section, ...(field.source.row !== undefined && { row: field.source.row }), message: `traffic shows ${field.name} values the page does not list: ${extra.join(', ')} (added)` }, 'info');
    }
  }
  for (const [path, object] of shape.objects) {
    for (const name of childKeys(path, bodies)) {
      if (object.fields.some((f) => f.name === name)) continue;
      const where = object.structure ?? `the parameters of ${op.name}`;
      const add = input.addObservedFields === true && object.structure !== undefined;
      report({ code: 'evidence.undocumented-field', file: op.source.file, section: object.structure ? `structure:${object.structure}` : 'params', message: `traffic shows a field ${name} in ${where} that no page documents (${add ? 'added, addObservedFields' : 'not added; set addObservedFields to add it'})` }, add ? 'info' : 'warning');
      if (add) object.fields.push(observedField(name, bodies[`${path}.${name}`], op));
    }
  }
}

function observedField(name: string, seen: BodyObservation, op: Operation): Field {
  const types = seen.types.filter((t) => t !== 'null');
  const type: TypeRef = types.length === 1 && types[0] !== 'array' ? { kind: 'primitive', type: types[0] as Primitive } : { kind: 'primitive', type: 'unknown' };
  return { name, type, required: false, description: '', verified: ['field', 'type'], source: { file: op.source.file, section: 'traffic' } };
}

/**
 * The model with its evidence applied (a copy; the input is not touched), or the model itself
 * when there is no evidence to apply. Diagnostics are appended to the copy's `diagnostics`:
 * ambiguous routes, evidence of pages that are gone, fields traffic shows that no page documents.
 */
export function applyEvidence(model: Model, input: EvidenceInput): Model {
  // Copying the model is most of this stage's cost, and most runs have no evidence at all.
  if (!input.captures?.length && Object.keys(input.evidence.operations).length === 0) return model;
  const out = structuredClone(model);
  const { entries, diagnostics } = combinedEvidence(out, input);
  const report: Report = (d, severity = 'warning') => diagnostics.push({ severity, ...d });
  const ops = new Map(out.clients.flatMap((c) => c.operations.map((op) => [op.source.file, op] as const)));
  for (const [page, entry] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const op = ops.get(page);
    if (!op) {
      report({ code: 'evidence.stale', file: input.file, section: `operations[${JSON.stringify(page)}]`, message: `evidence for ${entry.operation} on page ${page}, which is not among the inputs; not used (re-probe, or remove the entry)` });
      continue;
    }
    applyRoute(op, entry, report);
    if (entry.traffic?.bodies) applyBodies(out, op, entry.traffic.bodies, input, report);
  }
  out.diagnostics.push(...diagnostics);
  return out;
}
