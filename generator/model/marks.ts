// The marks on a fact the page did not show: inferred (a documented rule), verified (a live
// server or captured traffic) or configured (docsdk.config.json), in rising order of trust.
// A fact settled by a more trusted source leaves the less trusted lists.
import type { Field, InferredFact, Model, Operation } from './types.js';

type Marked = Pick<Field, 'inferred' | 'verified' | 'configured'>;
export type Mark = 'verified' | 'configured';

const drop = (list: InferredFact[] | undefined, facts: readonly InferredFact[]) => (list ?? []).filter((f) => !facts.includes(f));

/** Marks `facts` of `item` as `mark`: out of `inferred` (and out of `verified` when configured), into the mark's list. */
export function settle(item: Operation | Field, facts: readonly InferredFact[], mark: Mark): void {
  if (!facts.length) return;
  const marked = item as Marked;
  const lower: (keyof Marked)[] = mark === 'configured' ? ['inferred', 'verified'] : ['inferred'];
  for (const key of lower) {
    const kept = drop(marked[key], facts);
    // Operation.inferred is always there (empty when nothing is inferred); the other lists only when they hold something.
    if (kept.length || (key === 'inferred' && 'http' in item)) marked[key] = kept;
    else delete marked[key];
  }
  marked[mark] = [...drop(marked[mark], facts), ...facts];
}


/** `verbs: 160 verified, 7 inferred, 0 configured; paths: …`: how the operations' routes were settled (for the summary line). */
export function routeMarksText(model: Model): string {
  const ops = model.clients.flatMap((c) => c.operations);
  const part = (label: string, fact: InferredFact) => {
    const count = (mark: 'inferred' | Mark) => ops.filter((op) => op[mark]?.includes(fact)).length;
    const [verified, inferred, configured] = [count('verified'), count('inferred'), count('configured')];
    const shown = ops.length - verified - inferred - configured;
    return `${label}: ${verified} verified, ${inferred} inferred, ${configured} configured${shown > 0 ? `, ${shown} from the pages` : ''}`;
  };
  return `${part('verbs', 'http.verb')}; ${part('paths', 'http.path')}`;
}
