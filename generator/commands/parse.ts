import type { CommandModule } from 'yargs';
import { writeFile } from 'node:fs/promises';
import { jsonText } from '../emit/escape.js';
import { loadConfig } from '../config/load.js';
import { evidenceOptions, loadEvidenceInput, type EvidenceArgs } from '../evidence/load.js';
import { countDiagnostics, exitCodeFor, printDiagnostics, summaryLine } from '../report/diagnostics.js';
import type { Diagnostic } from '../model/types.js';
import { describeFsError, readPages } from '../read/inputs.js';
import { missingInputs } from './usage-error.js';

function usageFailure(diagnostics: Diagnostic[], reason: string): void {
  printDiagnostics(diagnostics, false);
  process.stderr.write(`docsdk parse: ${reason}\n`);
  process.exitCode = 2;
}
import { PROFILE_NAMES } from '../parse/profiles/index.js';

interface ParseArgs extends EvidenceArgs {
  inputs: string[];
  out?: string;
  openapi?: string;
  config?: string;
  strict?: boolean;
  verbose: boolean;
  profile?: string;
}

export const parseCommand: CommandModule<object, ParseArgs> = {
  command: 'parse <inputs..>',
  describe: 'Read doc pages (files, folders, globs) into the model; write it as JSON and/or OpenAPI 3.1',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Pages: files, folders (recursive) and globs' })
      .option('out', { type: 'string', describe: 'Write the model as JSON to this file' })
      .option('openapi', { type: 'string', describe: 'Write the OpenAPI 3.1 document to this file' })
      .option('config', { type: 'string', describe: 'docsdk.config.json to use' })
      .options(evidenceOptions)
      .option('profile', { type: 'string', choices: PROFILE_NAMES, describe: 'Read every page with this page profile (default: detected per page; the config\'s "profile")' })
      .option('strict', { type: 'boolean', describe: 'Exit 1 on any warning too (default: the config\'s strict)' })
      .option('verbose', { type: 'boolean', default: false, describe: 'Print notes (info diagnostics) too' }) as never,
  handler: async (args) => {
    const start = performance.now();
    const loaded = await loadConfig(args.config);
    // The same rule as every command: a config with errors, or an input that matches nothing, is a usage error.
    if (countDiagnostics(loaded.diagnostics).errors) return usageFailure(loaded.diagnostics, 'the config has errors: nothing done');
    const config = args.profile ? { ...loaded.config, profile: args.profile } : loaded.config;
    const evidence = await loadEvidenceInput(args, config, { mustExist: true });
    if (evidence.diagnostics.length) return usageFailure(evidence.diagnostics, 'the evidence could not be read: nothing written');
    const read = await readPages(args.inputs, { maxPageBytes: config.maxPageBytes });
    if (read.missing.length) return usageFailure(missingInputs(read.missing), 'an input matches no page: nothing done');
    const [{ loadModel }, { toOpenApi }] = await Promise.all([import('../pipeline.js'), import('../openapi/export.js')]);
    const { model, pages } = await loadModel(args.inputs, { config, configFile: args.config, read, evidence: evidence.input });
    model.diagnostics.unshift(...loaded.diagnostics);
    try {
      if (args.out) await writeFile(args.out, jsonText(model, 2) + '\n');
      if (args.openapi) await writeFile(args.openapi, jsonText(toOpenApi(model), 2) + '\n');
    } catch (error) {
      process.stderr.write(`docsdk parse: could not write the output: ${describeFsError(error)}\n`);
      process.exitCode = 1;
      return;
    }
    printDiagnostics(model.diagnostics, args.verbose);
    process.stderr.write(summaryLine(model, pages, performance.now() - start) + '\n');
    process.exitCode = exitCodeFor(model.diagnostics, args.strict ?? loaded.config.strict ?? false);
  },
};
