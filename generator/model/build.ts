import type { PageOperation, PageResult } from '../parse/page.js';
import { clientFromFolder, pageStem } from '../parse/names.js';
import { compareStrings } from '../read/inputs.js';
import type { Client, Diagnostic, Field, Model, Operation, Provenance, Structure, TypeRef } from './types.js';
import { inferHttp, type InferOptions } from './infer.js';
import { inferPaginations } from './pagination.js';
import { refOf } from './refs.js';
import { distinctNames } from './operation-names.js';
import { pushTo } from './multimap.js';

/** Merges the pages' results into one model: operations by client, structures by name. */
export function buildModel(pages: PageResult[], options: InferOptions): Model {
  const sorted = [...pages].sort((a, b) => compareStrings(a.file, b.file));
  const diagnostics: Diagnostic[] = sorted.flatMap((p) => p.diagnostics);
  const structures = mergeStructures(sorted, diagnostics);
  const clients = groupOperations(sorted, options, diagnostics);
  addPlaceholders(clients, structures, diagnostics);
  inferPaginations(clients.flatMap((client) => client.operations), structures);
  const model: Model = { modelVersion: 1, clients, structures: sortKeys(structures), diagnostics };
  const servers = [...new Set(sorted.flatMap((p) => p.servers ?? []))];
  if (servers.length) model.servers = servers;
  const schemes = sorted.filter((p) => p.securitySchemes).map((p) => p.securitySchemes!);
  if (schemes.length) model.securitySchemes = sortKeys(Object.assign(Object.create(null), ...schemes));
  return model;
}

/** The operations a page documents: one (GenAuth) or a whole API (Widdershins). */
function pageOperations(page: PageResult): PageOperation[] {
  return page.operations ?? (page.operation ? [page.operation] : []);
}

function groupOperations(pages: PageResult[], options: InferOptions, diagnostics: Diagnostic[]): Client[] {
  const folderClients = clientsByFolder(pages);
  const byClient = new Map<string, Operation[]>();
  for (const page of pages) for (const operation of pageOperations(page)) {
    if (!operation.http && /^\.+$/.test(pageStem(page.file))) {
      // `..` as the last path segment would make fetch call the parent path instead.
      diagnostics.push({ severity: 'error', code: 'page.bad-name', message: 'a file name of only dots cannot be an HTTP path; page skipped (rename it, or set its path in the config)', file: page.file, section: 'page' });
      continue;
    }
    const op = withClient(operation, page.file, folderClients);
    const full = op.http ? ({ ...op, http: op.http } as Operation) : inferHttp(op, options);
    pushTo(byClient, full.client, full);
  }
  for (const [client, ops] of byClient) nameDuplicates(client, ops, diagnostics);
  return [...byClient.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, ops]) => ({ name, operations: ops.sort((a, b) => compareStrings(a.name, b.name)) }));
}

/** Same-named operations of one client: every page keeps its operation, under a distinct name (operation-names.ts). */
function nameDuplicates(client: string, ops: Operation[], diagnostics: Diagnostic[]): void {
  for (const { op, name, others } of distinctNames(ops)) {
    diagnostics.push({
      severity: 'warning',
      code: 'operation.duplicate-name',
      message: `${client}.${op.name} is also the method of ${others.join(', ')}; this page's operation is named ${name} (from its file name; set operations.${name}.name in docsdk.config.json to choose the name)`,
      file: op.source.file,
      section: 'method',
    });
    op.name = name;
    op.inferred = [...op.inferred, 'name'];
  }
}

/** Pages without a Method name section take the client most pages of their top folder name. */
function clientsByFolder(pages: PageResult[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const page of pages) {
    const client = page.operation?.client;
    if (!client) continue;
    const folder = topFolder(page.file);
    const c = counts.get(folder) ?? new Map<string, number>();
    c.set(client, (c.get(client) ?? 0) + 1);
    counts.set(folder, c);
  }
  const result = new Map<string, string>();
  for (const [folder, c] of counts) {
    const best = [...c.entries()].sort(([a, x], [b, y]) => y - x || compareStrings(a, b))[0];
    result.set(folder, best[0]);
  }
  return result;
}

function topFolder(rel: string): string {
  const parts = rel.split('/');
  return parts.length > 1 ? parts[0] : '';
}

function withClient(op: PageOperation, file: string, folderClients: Map<string, string>): PageOperation & { client: string } {
  if (op.client) return { ...op, client: op.client };
  const folder = topFolder(file);
  const client = folderClients.get(folder) ?? clientFromFolder(folder || 'api');
  return { ...op, client, inferred: [...op.inferred, 'client'] };
}

/**
 * One definition per structure name. Identical definitions merge; differing ones warn,
 * naming both pages and the field, and the definition most pages agree on wins (ties: the
 * first page in path order). Tables with a required column beat response tables, whose
 * required-ness is inferred.
 */
function mergeStructures(pages: PageResult[], diagnostics: Diagnostic[]): Record<string, Structure> {
  const defs = new Map<string, Structure[]>();
  for (const page of pages) for (const s of page.structures) pushTo(defs, s.name, s);
  const merged: Record<string, Structure> = Object.create(null);
  for (const [name, list] of defs) {
    const seenIn = [...new Set(list.flatMap((s) => s.seenIn))].sort(compareStrings);
    const withFields = list.filter((s) => s.fields.length > 0);
    const candidates = preferShownRequired(withFields.length ? withFields : list);
    const groups = new Map<string, Structure[]>();
    // One definition needs no signature to win.
    for (const s of candidates) pushTo(groups, candidates.length === 1 ? '' : signature(s), s);
    const ranked = [...groups.values()].sort((a, b) => b.length - a.length);
    const chosen = ranked[0][0];
    for (const other of ranked.slice(1)) diagnostics.push(conflict(chosen, other[0]));
    merged[name] = { ...chosen, seenIn };
  }
  return merged;
}

function preferShownRequired(list: Structure[]): Structure[] {
  const shown = list.filter((s) => s.source.section !== 'response');
  return shown.length ? shown : list;
}

/** What makes two definitions the same for the generated API: names, types, required, enums. */
function signature(s: Structure): string {
  return JSON.stringify(s.fields.map((f) => [f.name, f.type, f.required, f.enum ?? null, f.maxItems ?? null]));
}

function conflict(chosen: Structure, other: Structure): Diagnostic {
  const a = new Map(chosen.fields.map((f) => [f.name, f]));
  const b = new Map(other.fields.map((f) => [f.name, f]));
  let detail = 'the field lists differ';
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const fa = a.get(name);
    const fb = b.get(name);
    if (!fa || !fb) {
      detail = `field ${name} is ${fa ? 'missing' : 'only'} there`;
      break;
    }
    if (JSON.stringify([fa.type, fa.required, fa.enum]) !== JSON.stringify([fb.type, fb.required, fb.enum])) {
      detail = `field ${name} differs (${describeField(fb)} there, ${describeField(fa)} here)`;
      break;
    }
  }
  const row = other.fields.find((f) => !a.has(f.name))?.source.row;
  return {
    severity: 'warning',
    code: 'structure.conflict',
    message: `${chosen.name} is defined differently on ${other.source.file} (${detail}); the definition from ${chosen.source.file} is used`,
    file: other.source.file,
    section: other.source.section,
    ...(row !== undefined ? { row } : {}),
  };
}

function describeField(f: Field): string {
  return `${typeText(f.type)}${f.required ? ', required' : ''}${f.enum ? `, enum ${f.enum.join('|')}` : ''}`;
}

function typeText(t: TypeRef): string {
  return t.kind === 'primitive' ? t.type : t.kind === 'ref' ? t.ref : `${typeText(t.items)}[]`;
}

/** Every referenced structure exists: the missing ones become diagnosed, field-less stand-ins. */
function addPlaceholders(clients: Client[], structures: Record<string, Structure>, diagnostics: Diagnostic[]): void {
  const operations = clients.flatMap((c) => c.operations);
  // Taken before any stand-in is added (they have no fields).
  const fields: Field[] = [...operations.flatMap((o) => o.params), ...Object.values(structures).flatMap((s) => s.fields)];
  const standIn = (ref: string | undefined, source: Provenance) => {
    if (!ref || Object.hasOwn(structures, ref)) return;
    structures[ref] = { name: ref, fields: [], source, seenIn: [source.file], placeholder: true };
    diagnostics.push({
      severity: 'warning',
      code: 'structure.undefined',
      message: `${ref} is referenced but defined on no page; it is typed as an object with unknown fields`,
      file: source.file,
      section: source.section,
      ...(source.row !== undefined ? { row: source.row } : {}),
    });
  };
  for (const field of fields) standIn(refOf(field.type), field.source);
  for (const op of operations) standIn(op.response, op.source);
}

/** Sorted, and with no prototype: a structure named `__proto__` or `constructor` is just a key. */
function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = Object.create(null);
  for (const key of Object.keys(record).sort(compareStrings)) sorted[key] = record[key];
  return sorted;
}
