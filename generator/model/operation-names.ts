// Two pages may give one client the same method name (an admin-wide action and the same
// action scoped to one user, say). Both become operations; they are told apart by what tells
// the endpoints apart, the page's file name (its path), never by the order pages are read in.
import { camelCase, pageStem } from '../parse/names.js';
import { compareStrings } from '../read/inputs.js';
import { pushTo } from './multimap.js';

/** What naming needs of an operation: its shared name and the page it comes from. */
export interface Named {
  name: string;
  source: { file: string };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Members of a same-named group in path order: the order of names, whatever the read order. */
export function byPath<T extends Named>(group: T[]): T[] {
  return [...group].sort((a, b) => compareStrings(a.source.file, b.source.file));
}

/**
 * The member that keeps the shared name: the one whose file name is that name (`delete-device`
 * for deleteDevice), else the first in path order. Adding a page never takes the name from the
 * page that already carries it in its file name.
 */
export function keeperOf<T extends Named>(group: T[]): T {
  // Most names are unique: nothing to choose from.
  if (group.length === 1) return group[0];
  const sorted = byPath(group);
  return sorted.find((op) => camelCase(pageStem(op.source.file)) === op.name) ?? sorted[0];
}

/**
 * A name for `op` (not the keeper) that is not in `taken`: its file name in camelCase
 * (`delete-device-by-user` → deleteDeviceByUser); else the name followed by the folders its
 * path does not share with the keeper's; else the name with the first free number from 2.
 */
export function derivedName(op: Named, keeper: Named, taken: Set<string>): string {
  const free = (name: string) => IDENTIFIER.test(name) && !taken.has(name);
  const fromFile = camelCase(pageStem(op.source.file));
  if (free(fromFile)) return fromFile;
  const keeperFolders = new Set(keeper.source.file.split('/').slice(0, -1));
  const own = op.source.file.split('/').slice(0, -1).filter((f) => !keeperFolders.has(f));
  const fromFolders = op.name + own.map((f) => pascal(camelCase(f.replace(/[^\w-]+/g, '-')))).join('');
  if (own.length && free(fromFolders)) return fromFolders;
  let n = 2;
  while (!free(`${op.name}${n}`)) n++;
  return `${op.name}${n}`;
}

function pascal(name: string): string {
  return name ? name[0].toUpperCase() + name.slice(1) : '';
}

export interface Renamed<T> {
  op: T;
  name: string;
  /** The pages of the other members of its group (the keeper's first). */
  others: string[];
}

/**
 * Gives every same-named member of `ops` but the group's keeper a distinct name. Names already
 * in `ops` are never handed out, so no derived name shadows another page's operation.
 * Returns the renamed members, in name and then path order.
 */
export function distinctNames<T extends Named>(ops: T[]): Renamed<T>[] {
  const groups = new Map<string, T[]>();
  for (const op of ops) pushTo(groups, op.name, op);
  const taken = new Set(groups.keys());
  const renamed: Renamed<T>[] = [];
  for (const name of [...groups.keys()].sort(compareStrings)) {
    const group = groups.get(name)!;
    if (group.length < 2) continue;
    const keeper = keeperOf(group);
    const rest = byPath(group).filter((op) => op !== keeper);
    for (const op of rest) {
      const fresh = derivedName(op, keeper, taken);
      taken.add(fresh);
      renamed.push({ op, name: fresh, others: [keeper, ...rest.filter((o) => o !== op)].map((o) => o.source.file) });
    }
  }
  return renamed;
}
