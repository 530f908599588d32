// The final word of a generate run, for people (one summary line on stderr) and for
// machines (`--reporter json`: one JSON object on stdout).
import type { ApiDiff } from '../diff/changes.js';
import type { Model } from '../model/types.js';
import { countDiagnostics } from '../report/diagnostics.js';
import type { FileChange } from './output-files.js';

export type RunOutcome =
  | 'written' // new output written
  | 'unchanged' // nothing changed since the last run: nothing done
  | 'fresh' // --check: the output on disk is what this run generates
  | 'stale' // --check: it is not
  | 'failed'; // errors (or a --fail-on change): nothing written

export interface RunReport {
  outcome: RunOutcome;
  pages: number;
  /** Pages parsed in this run; the others came from the cache. */
  parsed: number;
  operations?: number;
  structures?: number;
  errors?: number;
  warnings?: number;
  /** Output files added, modified or removed (written, or that would be for --check). */
  files?: FileChange[];
  /** Public-API changes since the model kept in the output by the previous run. */
  api?: ApiDiff;
  ms: number;
}

export function modelCounts(model: Model): Pick<RunReport, 'operations' | 'structures' | 'errors' | 'warnings'> {
  const { errors, warnings } = countDiagnostics(model.diagnostics);
  return {
    operations: model.clients.reduce((n, c) => n + c.operations.length, 0),
    structures: Object.keys(model.structures).length,
    errors,
    warnings,
  };
}

const OUTCOME_TEXT: Record<RunOutcome, string> = {
  written: 'output written',
  unchanged: 'nothing changed since the last run; output up to date',
  fresh: 'output up to date',
  stale: 'output is stale',
  failed: 'nothing written',
};

export function reportLine(r: RunReport): string {
  const counts =
    r.operations === undefined
      ? [`${r.pages} pages`]
      : [
          `${r.pages} pages (${r.parsed} parsed)`,
          `${r.operations} operations`,
          `${r.structures} structures`,
          `${r.errors} errors`,
          `${r.warnings} warnings`,
        ];
  const files = r.files?.length ? `, ${r.files.length} files changed` : '';
  const bump = r.api ? `, API change: ${r.api.bump}` : '';
  return `docsdk: ${counts.join(', ')}${files}${bump}; ${OUTCOME_TEXT[r.outcome]} in ${Math.round(r.ms)} ms`;
}

export function reportJson(r: RunReport): string {
  return JSON.stringify({ ...r, ms: Math.round(r.ms) }, null, 2) + '\n';
}
