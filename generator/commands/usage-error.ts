import type { Diagnostic } from '../model/types.js';
import type { RunResult } from '../workflow/run-report.js';

/** A run refused before doing anything (bad config, arguments or inputs): exit 2. */
export function usageError(diagnostics: Diagnostic[], reason: string): RunResult {
  return { outcome: 'usage-error', exitCode: 2, diagnostics, reason };
}

/** One error per input that names no page: a typo must never pass for "no pages". */
export function missingInputs(inputs: string[]): Diagnostic[] {
  return inputs.map((input) => ({ severity: 'error', code: 'input.missing', message: 'no file, folder or glob match', file: input }));
}
