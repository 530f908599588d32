// The final word of a generate run, for people (diagnostics and a summary line on stderr,
// file lists and API changes on stdout) and for machines (`--reporter json`: one JSON
// object on stdout, described by docsdk.report.schema.json, in every outcome). The same
// RunResult is rendered whether the run did the work or replayed the previous run's.
import type { ApiDiff } from '../diff/changes.js';
import { diffToMarkdown } from '../diff/render.js';
import type { Diagnostic, Model } from '../model/types.js';
import { countDiagnostics, countsLine, printDiagnostics } from '../report/diagnostics.js';
import { routeMarksText } from '../model/marks.js';
import type { FileChange } from './output-files.js';

export type RunOutcome =
  | 'written' // new output written
  | 'unchanged' // the previous run had the same fingerprint and left this output: replayed, nothing done
  | 'fresh' // --check: the output on disk is what this run generates
  | 'stale' // --check: it is not
  | 'failed' // errors, --strict warnings, a --fail-on change or the shrink guard: nothing written
  | 'usage-error' // bad arguments or config, or inputs that match no page: nothing done
  | 'internal-error'; // a docsdk bug (exit 3): nothing written

export type ExitCode = 0 | 1 | 2 | 3;

export interface RunCounts {
  operations: number;
  structures: number;
  errors: number;
  warnings: number;
  notes: number;
  /** How the routes were settled: `verbs: 160 verified, 7 inferred, 0 configured; paths: …`. */
  routes?: string;
}

/** How a run ended: what the fast path replays. */
export interface RunResult {
  outcome: RunOutcome;
  exitCode: ExitCode;
  /** Every diagnostic, notes included, in the order found. */
  diagnostics: Diagnostic[];
  /** Absent when the run stopped before building the model. */
  counts?: RunCounts;
  /** Output files added, modified or removed (written, or that would be for --check). */
  files?: FileChange[];
  /** Public-API changes since the model the previous run kept in the output. */
  api?: ApiDiff;
  /** Why the run wrote nothing or failed, in one sentence. */
  reason?: string;
}

export interface RunReport extends RunResult {
  reportVersion: 1;
  command: 'generate' | 'parse';
  out?: string;
  pages: number;
  /** Pages parsed in this run; the others came from the cache. */
  parsed: number;
  /** The result is the previous run's, replayed because nothing it depends on changed. */
  replayed: boolean;
  /** Milliseconds per stage (read, parse, merge, emit, typecheck, write) of a run that wrote its output. */
  stages?: Record<string, number>;
  /** How the SDK was emitted: files rendered in this run or taken from the previous output, and whether its checks ran or stood. */
  emitted?: { rendered: number; reused: number; checks: 'ran' | 'stood' };
  ms: number;
}

export function modelCounts(model: Model): RunCounts {
  const { errors, warnings, infos } = countDiagnostics(model.diagnostics);
  return {
    operations: model.clients.reduce((n, c) => n + c.operations.length, 0),
    structures: Object.keys(model.structures).length,
    errors,
    warnings,
    notes: infos,
    routes: routeMarksText(model),
  };
}

/** What a replayed result says: a written output is now simply up to date. */
export function replayed(result: RunResult): RunResult {
  return result.outcome === 'written' ? { ...result, outcome: 'unchanged', files: [], api: undefined } : result;
}

const OUTCOME_TEXT: Record<RunOutcome, (r: RunReport) => string> = {
  written: (r) => `${r.files?.length ?? 0} files changed in ${r.out}`,
  unchanged: (r) => `nothing changed since the last run; ${r.out} is up to date`,
  fresh: (r) => `${r.out} is up to date`,
  stale: (r) => `${r.out} is stale: ${r.files?.length ?? 0} files would change`,
  failed: () => 'nothing written',
  'usage-error': () => 'nothing done',
  'internal-error': () => 'nothing written',
};

/** `docsdk: 5 pages, … in 812 ms; 1 parsed, 4 cached; API change: minor; 3 files changed in sdk`. */
export function reportLine(r: RunReport): string {
  const parts = [r.counts ? countsLine(r.pages, r.counts, r.ms) : `docsdk: ${r.pages} pages in ${Math.round(r.ms)} ms`];
  if (r.counts && !r.replayed) parts.push(`${r.parsed} parsed, ${r.pages - r.parsed} cached`);
  if (r.api) parts.push(`API change: ${r.api.bump}`);
  parts.push(OUTCOME_TEXT[r.outcome](r));
  return parts.join('; ');
}

export function reportJson(r: RunReport): string {
  return JSON.stringify({ ...r, ms: Math.round(r.ms) }, null, 2) + '\n';
}

/** Prints the report: JSON on stdout, or diagnostics, reason and summary on stderr and file lists or API changes on stdout. */
export function printReport(r: RunReport, { json, verbose }: { json: boolean; verbose: boolean }): void {
  if (json) {
    process.stdout.write(reportJson(r));
    return;
  }
  printDiagnostics(r.diagnostics, verbose);
  if (r.outcome === 'stale') for (const f of r.files ?? []) process.stdout.write(`${f.change} ${f.path}\n`);
  else if (r.api?.changes.length) process.stdout.write(diffToMarkdown(r.api));
  if (r.reason) process.stderr.write(`docsdk ${r.command}: ${r.reason}\n`);
  if (r.command === 'generate') process.stderr.write(reportLine(r) + '\n');
}
