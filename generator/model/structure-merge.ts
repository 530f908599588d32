// One definition per structure name, from the definitions of it on every page. The merge of
// a name reads those definitions only, in page order, so it is a function of the pages that
// define the name: a run whose pages defining a name are the same as the last run's (by
// their page-cache keys, which a page's result is a function of) reuses that merge, and
// reads only the definition it chose. A run with one page changed redoes the merges of the
// names that page defines (or defined), and parses no other definition than the chosen ones.
import type { PageResult } from '../parse/page.js';
import { compareStrings } from '../read/inputs.js';
import type { Diagnostic, Field, Structure, TypeRef } from './types.js';
import { pushTo } from './multimap.js';
import { typeText } from './refs.js';

/** A page's structure definitions, each read only when a merge needs it. */
export interface PageDefinitions {
  /** The name of each definition, in page order. */
  names: readonly string[];
  /** The page's index-th definition (a new object each call where it is read from the cache). */
  definition(index: number): Structure;
}

/** A page as the model is built from it: the result, its definitions apart. */
export interface PageInput {
  result: Omit<PageResult, 'structures'>;
  structures: PageDefinitions;
  /** The page-cache key of the page (its result is a function of it); absent, the merges of its names are never reused. */
  key?: string;
}

/** How the definitions of one name merged: which one won, the pages naming it, and the conflicts diagnosed. */
export interface NameMerge {
  /** The page-cache keys of the pages of the definitions, in order (one per definition): what the merge was computed from. */
  from: string;
  /** The index of the chosen definition among them. */
  chosen: number;
  seenIn: readonly string[];
  conflicts: readonly Diagnostic[];
}

/** Merges kept between runs, by structure name. */
export interface NameMerges {
  /** The last run's merge of `name`, if it was computed from exactly `from`. */
  reuse(name: string, from: string): NameMerge | undefined;
  /** Keeps this run's merge of `name`. */
  keep(name: string, merge: NameMerge): void;
}

/** A result with its definitions at hand (a page parsed in this run, or a test's). */
export function pageInput(result: PageResult, key?: string): PageInput {
  const { structures, ...rest } = result;
  return { result: rest, structures: { names: structures.map((s) => s.name), definition: (index) => structures[index] }, key };
}

/**
 * One definition per structure name, in order of first definition; conflicts are pushed to
 * `diagnostics` in that order. `pages` are in path order.
 */
export function mergeStructures(pages: PageInput[], diagnostics: Diagnostic[], merges?: NameMerges): Record<string, Structure> {
  const defs = new Map<string, { page: PageInput; index: number }[]>();
  for (const page of pages) page.structures.names.forEach((name, index) => pushTo(defs, name, { page, index }));
  const merged: Record<string, Structure> = Object.create(null);
  for (const [name, list] of defs) {
    const keys = list.map(({ page }) => page.key);
    // Reused only when every definition comes from a page whose result its key fixes.
    const from = merges && keys.every((key) => key !== undefined) ? keys.join(' ') : undefined;
    const reused = from === undefined ? undefined : merges!.reuse(name, from);
    let chosen: Structure;
    let merge: NameMerge;
    if (reused) {
      merge = reused;
      const { page, index } = list[reused.chosen];
      chosen = page.structures.definition(index);
    } else {
      const definitions = list.map(({ page, index }) => page.structures.definition(index));
      merge = { from: from ?? '', ...mergeDefinitions(definitions) };
      chosen = definitions[merge.chosen];
    }
    if (from !== undefined) merges!.keep(name, merge);
    // Copies: later stages may change what the model holds, and the merge is kept for the next run.
    for (const conflict of merge.conflicts) diagnostics.push({ ...conflict });
    merged[name] = { ...chosen, seenIn: [...merge.seenIn] };
  }
  return merged;
}

/**
 * Identical definitions merge; differing ones warn, naming both pages and the field, and the
 * definition most pages agree on wins (ties: the first page in path order). Tables with a
 * required column beat response tables, whose required-ness is inferred.
 */
function mergeDefinitions(list: Structure[]): Pick<NameMerge, 'chosen' | 'seenIn' | 'conflicts'> {
  const seenIn = [...new Set(list.flatMap((s) => s.seenIn))].sort(compareStrings);
  const withFields = list.filter((s) => s.fields.length > 0);
  const candidates = preferShownRequired(withFields.length ? withFields : list);
  const groups = new Map<string, Structure[]>();
  // One definition needs no signature to win.
  for (const s of candidates) pushTo(groups, candidates.length === 1 ? '' : signature(s), s);
  const ranked = [...groups.values()].sort((a, b) => b.length - a.length);
  const chosen = ranked[0][0];
  return { chosen: list.indexOf(chosen), seenIn, conflicts: ranked.slice(1).map((other) => conflict(chosen, other[0])) };
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

