// The guard against a run that would silently drop most of an SDK (a renamed docs folder,
// pages that stopped parsing): how many of the previous output's operations the new model lacks.
import type { ModelParts } from '../diff/model-file-parts.js';

const operationKeys = (model: ModelParts): string[] => model.clients.flatMap((c) => c.operations.map((o) => `${c.name}.${o.name}`));

export interface Removal {
  /** Operations of the previous output. */
  before: number;
  /** `Client.operation` of each operation the new model no longer has, sorted. */
  removed: string[];
  /** removed / before (0 when there were none before). */
  share: number;
}

export function removedOperations(before: ModelParts, after: ModelParts): Removal {
  const kept = new Set(operationKeys(after));
  const previous = operationKeys(before);
  const removed = previous.filter((key) => !kept.has(key)).sort();
  return { before: previous.length, removed, share: previous.length ? removed.length / previous.length : 0 };
}
