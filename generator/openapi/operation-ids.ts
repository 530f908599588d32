// operationIds are unique in an OpenAPI document, but a method name is unique only in its
// client: a name two clients share is kept by one of them, chosen by the same rule that names
// same-named operations of one client (model/operation-names.ts: the page whose file name is
// the name, else the first in path order); the others are prefixed with their client.
import type { Model, Operation } from '../model/types.js';
import { keeperOf } from '../model/operation-names.js';
import { pushTo } from '../model/multimap.js';

export function operationIds(model: Model): Map<Operation, string> {
  const byName = new Map<string, Operation[]>();
  for (const op of model.clients.flatMap((c) => c.operations)) pushTo(byName, op.name, op);
  const ids = new Map<Operation, string>();
  const taken = new Set(byName.keys());
  for (const group of byName.values()) {
    const keeper = keeperOf(group);
    for (const op of group) {
      if (op === keeper) {
        ids.set(op, op.name);
        continue;
      }
      let id = prefixed(op);
      for (let n = 2; taken.has(id); n++) id = `${prefixed(op)}${n}`;
      taken.add(id);
      ids.set(op, id);
    }
  }
  return ids;
}

function prefixed(op: Operation): string {
  return `${op.client}_${op.name}`;
}

/** The method name an operationId stands for in its client (tag): the inverse of the prefix above. */
export function methodOfOperationId(operationId: string, client: string): string {
  const prefix = `${client}_`;
  const rest = operationId.startsWith(prefix) ? operationId.slice(prefix.length) : '';
  return /^[A-Za-z_$][\w$]*$/.test(rest) ? rest : operationId;
}
