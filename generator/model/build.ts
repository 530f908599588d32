import type { PageOperation, PageResult } from '../parse/page.js';
import { clientFromFolder, pageStem } from '../parse/names.js';
import { compareStrings } from '../read/inputs.js';
import type { Client, Diagnostic, Field, Model, Operation, Provenance, Structure } from './types.js';
import { inferHttp, type InferOptions } from './infer.js';
import { inferPaginations } from './pagination.js';
import { refOf } from './refs.js';
import { distinctNames } from './operation-names.js';
import { pushTo } from './multimap.js';
import { mergeStructures, pageInput, type NameMerges, type PageInput } from './structure-merge.js';

type Page = PageInput['result'];

/** Merges the pages' results into one model: operations by client, structures by name. */
export function buildModel(pages: PageResult[], options: InferOptions): Model {
  return buildModelOf(pages.map((page) => pageInput(page)), options);
}

/** buildModel of pages whose definitions are read as the merges need them, reusing the last run's merges of the names defined on the same pages (structure-merge.ts). */
export function buildModelOf(inputs: PageInput[], options: InferOptions, merges?: NameMerges): Model {
  const sortedInputs = [...inputs].sort((a, b) => compareStrings(a.result.file, b.result.file));
  const sorted = sortedInputs.map((input) => input.result);
  const diagnostics: Diagnostic[] = sorted.flatMap((p) => p.diagnostics);
  const structures = mergeStructures(sortedInputs, diagnostics, merges);
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
function pageOperations(page: Page): PageOperation[] {
  return page.operations ?? (page.operation ? [page.operation] : []);
}

function groupOperations(pages: Page[], options: InferOptions, diagnostics: Diagnostic[]): Client[] {
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
function clientsByFolder(pages: Page[]): Map<string, string> {
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
  // The client goes where the page reader puts the key (after rawName): a page's result from
  // the run cache has lost that key (JSON drops undefined), and would have it last.
  const { name, rawName, client: absent, ...rest } = op;
  return { name, rawName, client, ...rest, inferred: [...op.inferred, 'client'] };
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
