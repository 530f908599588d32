// What a model file or a client file is rendered from, as one hash, computed without building
// its view: a run after one page changed then builds the views of the files that page shows
// only, and takes the rest from the previous output.
//
// Why that is sound: modelView and clientView are pure functions of what is hashed here. The
// model is plain JSON (model/types.ts), so a structure's or an operation's JSON text is all a
// view can read of it. Beyond that, a view reads the plan's names (a structure's type name and
// file stem, a client's class name, each operation's method, params type and iterator names,
// in plan order) and, through `structureNamed`, the plans of the structures named in what it
// renders: a model file those its structure refers to (their type name and stem only), a
// client file those its operations refer to or return, and (for the response envelope and
// the items of a paginated response) what those structures hold and refer to in turn, so a
// client's key takes every structure reachable from its operations, by its own key. The
// names a view looks up are those of links (TypeRefs of kind `ref`) and of operations'
// responses, and addNames takes them all, at any depth. A client file also reads the
// User-Agent and the API view (base URL, security schemes), hashed with it; both read the
// templates, whose sources are in `sourceHash`.
import { contentHash } from '../workflow/output-files.js';
import type { ClientPlan, SdkPlan } from './plan.js';
import type { ApiView } from './views/request.js';

/**
 * The structure names a view may look up in `value` (plain JSON from the model): every link
 * (a TypeRef `{ kind: 'ref', ref }`) and every operation's `response`, at any depth.
 */
function addNames(value: unknown, names: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) addNames(item, names);
    return names;
  }
  const record = value as Record<string, unknown>;
  if (record.kind === 'ref' && typeof record.ref === 'string') names.add(record.ref);
  if (typeof record.response === 'string') names.add(record.response);
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) addNames(item, names);
  }
  return names;
}

/**
 * The key of a file rendered by `template` from `parts` and the JSON text `json`: joined by
 * NUL, which JSON text never holds (JSON.stringify escapes every control character), so no
 * two inputs join to the same text; `json` is not quoted again as a string inside JSON.
 */
const hashed = (template: string, sourceHash: string, parts: unknown[], json: string): string => contentHash(`${template}\0${sourceHash}\0${JSON.stringify(parts)}\0${json}`);

interface StructureInputs {
  key: string;
  /** Names the structure's JSON refers to. */
  names: Set<string>;
}

export class RenderInputs {
  private readonly structures = new Map<string, StructureInputs>();

  constructor(
    private readonly plan: SdkPlan,
    private readonly sourceHash: string,
  ) {}

  /** The plan's names for structure `name` (by its model name), or null when no page defines it. */
  private lookup(name: string): [string, string | null, string | null] {
    const found = this.plan.structureNamed.get(name);
    return [name, found?.typeName ?? null, found?.stem ?? null];
  }

  private structure(name: string): StructureInputs | undefined {
    let inputs = this.structures.get(name);
    const plan = this.plan.structureNamed.get(name);
    if (inputs || !plan) return inputs;
    const json = JSON.stringify(plan.structure);
    const names = addNames(plan.structure, new Set());
    const key = hashed('model.ts', this.sourceHash, [this.lookup(name), ...[...names].sort().map((used) => this.lookup(used))], json);
    this.structures.set(name, (inputs = { key, names }));
    return inputs;
  }

  /** The key of the file of structure `name` (its model name): equal keys, equal views. */
  structureKey(name: string): string {
    return this.structure(name)!.key;
  }

  /** The key of `client`'s file: equal keys, equal views. */
  clientKey(client: ClientPlan, userAgent: string, api: ApiView): string {
    const operations = JSON.stringify(client.operations.map((op) => [op.methodName, op.paramsTypeName, op.iterateName ?? null, op.operation]));
    // Every structure reachable from the operations, each by its key (which holds its JSON and the names it uses).
    const reached = new Set<string>();
    const next = [...addNames(client.operations.map((op) => op.operation), new Set())];
    for (let name = next.pop(); name !== undefined; name = next.pop()) {
      if (reached.has(name)) continue;
      reached.add(name);
      next.push(...(this.structure(name)?.names ?? []));
    }
    const structures = [...reached].sort().map((name) => [...this.lookup(name), this.structure(name)?.key ?? null]);
    return hashed('client.ts', this.sourceHash, [client.className, userAgent, api, structures], operations);
  }
}
