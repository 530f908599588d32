// The final word of a generate run, for people (the summary line on stderr, extended with
// what the workflow did) and for machines (`--reporter json`: one JSON object on stdout).
import type { ApiDiff } from '../diff/changes.js';
import type { Model } from '../model/types.js';
import { countDiagnostics, summaryLine } from '../report/diagnostics.js';
import type { FileChange } from './output-files.js';

export type RunOutcome =
  | 'written' // new output written
  | 'unchanged' // nothing changed since the last run: nothing done
  | 'fresh' // --check: the output on disk is what this run generates
  | 'stale' // --check: it is not
  | 'failed'; // errors (or a --fail-on change): nothing written

export interface RunReport {
  outcome: RunOutcome;
  out: string;
  pages: number;
  /** Pages parsed in this run; the others came from the cache. */
  parsed: number;
  /** Absent when the run stopped before building the model (outcome `unchanged`). */
  counts?: { operations: number; structures: number; errors: number; warnings: number; notes: number };
  /** Output files added, modified or removed (written, or that would be for --check). */
  files?: FileChange[];
  /** Public-API changes since the model the previous run kept in the output. */
  api?: ApiDiff;
  /** Milliseconds per stage (read, parse, merge, emit, typecheck, write) of a run that wrote its output. */
  stages?: Record<string, number>;
  ms: number;
}

export function modelCounts(model: Model): NonNullable<RunReport['counts']> {
  const { errors, warnings, infos } = countDiagnostics(model.diagnostics);
  return {
    operations: model.clients.reduce((n, c) => n + c.operations.length, 0),
    structures: Object.keys(model.structures).length,
    errors,
    warnings,
    notes: infos,
  };
}

const OUTCOME_TEXT: Record<RunOutcome, (r: RunReport) => string> = {
  written: (r) => `${r.files?.length ?? 0} files changed in ${r.out}`,
  unchanged: (r) => `nothing changed since the last run; ${r.out} is up to date`,
  fresh: (r) => `${r.out} is up to date`,
  stale: (r) => `${r.out} is stale: ${r.files?.length ?? 0} files would change`,
  failed: () => 'nothing written',
};

/** `docsdk: 5 pages, … in 812 ms; 1 parsed, 4 cached; API change: minor; 3 files changed in sdk`. */
export function reportLine(r: RunReport, model?: Model): string {
  const head = model ? summaryLine(model, r.pages, r.ms) : `docsdk: ${r.pages} pages in ${Math.round(r.ms)} ms`;
  const parts = [head];
  if (model) parts.push(`${r.parsed} parsed, ${r.pages - r.parsed} cached`);
  if (r.api) parts.push(`API change: ${r.api.bump}`);
  parts.push(OUTCOME_TEXT[r.outcome](r));
  return parts.join('; ');
}

export function reportJson(r: RunReport): string {
  return JSON.stringify({ ...r, ms: Math.round(r.ms) }, null, 2) + '\n';
}
