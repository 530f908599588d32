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
// client's key takes every structure reachable from its operations, by its own key. A name
// the view looks up is found in the JSON text (every TypeRef link is a `"ref"` key, every
// operation's response a `"response"` key; a string value cannot hold `"ref":` unescaped, and
// a name that is no link only adds an entry). A client file also reads the User-Agent and
// the API view (base URL, security schemes), hashed with it; both read the templates, whose
// sources are in `sourceHash`.
import { contentHash } from '../workflow/output-files.js';
import type { ClientPlan, SdkPlan } from './plan.js';
import type { ApiView } from './views/request.js';

/** Every `"ref":"…"` and `"response":"…"` value of a JSON text: the structure names a view may look up. */
const LOOKED_UP = /"(?:ref|response)":("(?:[^"\\]|\\.)*")/g;

function namesIn(json: string): Set<string> {
  return new Set([...json.matchAll(LOOKED_UP)].map((m) => JSON.parse(m[1]) as string));
}

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
    const names = namesIn(json);
    const key = contentHash(JSON.stringify(['model.ts', this.sourceHash, this.lookup(name), json, [...names].sort().map((used) => this.lookup(used))]));
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
    const next = [...namesIn(operations)];
    for (let name = next.pop(); name !== undefined; name = next.pop()) {
      if (reached.has(name)) continue;
      reached.add(name);
      next.push(...(this.structure(name)?.names ?? []));
    }
    const structures = [...reached].sort().map((name) => [...this.lookup(name), this.structure(name)?.key ?? null]);
    return contentHash(JSON.stringify(['client.ts', this.sourceHash, client.className, userAgent, api, operations, structures]));
  }
}
