import { routeMarksText } from '../model/marks.js';
import type { Diagnostic, Model } from '../model/types.js';

/** `file: section row N: message`, the one line format every diagnostic is printed in. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.section, d.row !== undefined ? `row ${d.row}` : undefined].filter(Boolean).join(' ');
  return `${d.file}: ${where ? `${where}: ` : ''}${d.severity}: ${d.message}`;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countDiagnostics(diagnostics: Diagnostic[]): DiagnosticCounts {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    infos: diagnostics.filter((d) => d.severity === 'info').length,
  };
}

/** Exit code of a failure docsdk did not foresee (a bug), reported in one line. */
export const INTERNAL_ERROR_EXIT = 3;

/** Exit code rule shared by the commands: 1 when any page failed, or any warning under --strict. */
export function exitCodeFor(diagnostics: Diagnostic[], strict: boolean): 0 | 1 {
  const { errors, warnings } = countDiagnostics(diagnostics);
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}

export function summaryLine(model: Model, pages: number, ms: number): string {
  const { errors, warnings, infos } = countDiagnostics(model.diagnostics);
  const operations = model.clients.reduce((n, c) => n + c.operations.length, 0);
  const counts = { operations, structures: Object.keys(model.structures).length, errors, warnings, notes: infos, routes: routeMarksText(model) };
  return countsLine(pages, counts, ms);
}

/** `docsdk: 5 pages, 5 operations, 16 structures, 0 errors, 1 warnings, 0 notes in 812 ms; verbs: …`. */
export function countsLine(
  pages: number,
  c: { operations: number; structures: number; errors: number; warnings: number; notes: number; routes?: string },
  ms: number,
): string {
  const line = `docsdk: ${pages} pages, ${c.operations} operations, ${c.structures} structures, ${c.errors} errors, ${c.warnings} warnings, ${c.notes} notes in ${Math.round(ms)} ms`;
  return c.routes ? `${line}; ${c.routes}` : line;
}

/** Prints diagnostics (errors and warnings; notes too with `verbose`) to stderr. */
export function printDiagnostics(diagnostics: Diagnostic[], verbose: boolean): void {
  for (const d of diagnostics) if (verbose || d.severity !== 'info') process.stderr.write(formatDiagnostic(d) + '\n');
}
