// Pagination rule (README "Inference rules"): pages do not say that an operation returns one
// page of a list, but its structure shows it. An operation is paginated when it takes a page
// number and a page size, both numbers, and its response holds, at the top or in a nested
// structure, an object with exactly one array and a number named as a total count. The
// result is marked inferred; docsdk.config.json sets or removes it per operation.
import type { Field, Operation, Pagination, Structure } from './types.js';

/** Names compared lower-cased, with `_` and `-` removed. */
const PAGE_NAMES = new Set(['page', 'pageno', 'pagenum', 'pagenumber', 'pageindex']);
const SIZE_NAMES = new Set(['limit', 'size', 'pagesize', 'perpage', 'pagelimit']);
const TOTAL_NAMES = new Set(['total', 'totalcount', 'totalnum', 'totalsize', 'totalitems', 'totalrecords', 'totalelements', 'count']);
/** How deep nested structures are searched for the list (`data.list` is depth 2). */
const MAX_DEPTH = 3;

const normal = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

const isNumber = (field: Field) => field.type.kind === 'primitive' && (field.type.type === 'number' || field.type.type === 'integer');

export function inferPagination(operation: Operation, structures: Readonly<Record<string, Structure>>): Pagination | undefined {
  const pageParam = operation.params.find((field) => PAGE_NAMES.has(normal(field.name)) && isNumber(field));
  const sizeParam = operation.params.find((field) => SIZE_NAMES.has(normal(field.name)) && isNumber(field));
  if (!pageParam || !sizeParam || operation.response === undefined) return undefined;
  const list = findList(structureNamed(structures, operation.response), structures, [], new Set());
  return list && { pageParam: pageParam.name, sizeParam: sizeParam.name, ...list };
}

/** The structure itself when it has one array and a total count, else the first nested one that has (in field order). */
function findList(
  structure: Structure | undefined,
  structures: Readonly<Record<string, Structure>>,
  path: string[],
  visited: Set<Structure>,
): Pick<Pagination, 'itemsPath' | 'totalPath'> | undefined {
  if (!structure || visited.has(structure) || path.length >= MAX_DEPTH) return undefined;
  visited.add(structure);
  const arrays = structure.fields.filter((field) => field.type.kind === 'array');
  const total = structure.fields.find((field) => TOTAL_NAMES.has(normal(field.name)) && isNumber(field));
  if (arrays.length === 1 && total) return { itemsPath: [...path, arrays[0].name], totalPath: [...path, total.name] };
  for (const field of structure.fields) {
    if (field.type.kind !== 'ref') continue;
    const found = findList(structureNamed(structures, field.type.ref), structures, [...path, field.name], visited);
    if (found) return found;
  }
  return undefined;
}

function structureNamed(structures: Readonly<Record<string, Structure>>, name: string): Structure | undefined {
  return Object.hasOwn(structures, name) ? structures[name] : undefined;
}

/** Every operation of the model with its pagination inferred, where the rule finds one. */
export function inferPaginations(operations: Operation[], structures: Readonly<Record<string, Structure>>): void {
  for (const operation of operations) {
    const pagination = inferPagination(operation, structures);
    if (!pagination) continue;
    operation.pagination = pagination;
    operation.inferred.push('pagination');
  }
}
