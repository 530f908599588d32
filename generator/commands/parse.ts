import { writeFile } from 'node:fs/promises';
import { jsonFile } from '../emit/json-file.js';
import { loadConfig } from '../config/load.js';
import { loadEvidenceInput, type EvidenceArgs } from '../evidence/load.js';
import { countDiagnostics, exitCodeFor, printDiagnostics, summaryLine } from '../report/diagnostics.js';
import type { Diagnostic } from '../model/types.js';
import { describeFsError } from '../read/fs-error.js';
import { readPages } from '../read/inputs.js';
import { sampleCpu } from '../parse/idle-cores.js';
import { missingInputs } from './usage-error.js';

function usageFailure(diagnostics: Diagnostic[], reason: string): void {
  printDiagnostics(diagnostics, false);
  process.stderr.write(`docsdk parse: ${reason}\n`);
  process.exitCode = 2;
}

export interface ParseArgs extends EvidenceArgs {
  inputs: string[];
  out?: string;
  openapi?: string;
  config?: string;
  strict?: boolean;
  verbose: boolean;
  profile?: string;
}

/** `docsdk parse`: pages to the model (and OpenAPI) JSON, diagnostics and a summary on stderr. */
export async function runParseCommand(args: ParseArgs): Promise<void> {
  const start = performance.now();
  // As in generate: the parse sizes its workers by the CPU other processes leave free from now on.
  const cpuSince = sampleCpu();
  const loaded = await loadConfig(args.config);
  // The same rule as every command: a config with errors, or an input that matches nothing, is a usage error.
  if (countDiagnostics(loaded.diagnostics).errors) return usageFailure(loaded.diagnostics, 'the config has errors: nothing done');
  const config = args.profile ? { ...loaded.config, profile: args.profile } : loaded.config;
  const evidence = await loadEvidenceInput(args, config, { mustExist: true });
  if (evidence.diagnostics.length) return usageFailure(evidence.diagnostics, 'the evidence could not be read: nothing written');
  const read = await readPages(args.inputs, { maxPageBytes: config.maxPageBytes });
  if (read.missing.length) return usageFailure(missingInputs(read.missing), 'an input matches no page: nothing done');
  const [{ loadModel }, { toOpenApi }] = await Promise.all([import('../pipeline.js'), import('../openapi/export.js')]);
  const { model, pages } = await loadModel(args.inputs, { config, configFile: args.config, read, evidence: evidence.input, cpuSince });
  model.diagnostics.unshift(...loaded.diagnostics);
  try {
    if (args.out) await writeFile(args.out, jsonFile(model));
    if (args.openapi) await writeFile(args.openapi, jsonFile(toOpenApi(model)));
  } catch (error) {
    process.stderr.write(`docsdk parse: could not write the output: ${describeFsError(error)}\n`);
    process.exitCode = 1;
    return;
  }
  printDiagnostics(model.diagnostics, args.verbose);
  process.stderr.write(summaryLine(model, pages, performance.now() - start) + '\n');
  process.exitCode = exitCodeFor(model.diagnostics, args.strict ?? loaded.config.strict ?? false);
}
