import type { CommandModule } from 'yargs';
import { loadConfig } from '../config/load.js';
import { MODEL_FILE_NAME } from '../diff/load-side.js';
import { emitSdk, type EmittedSdk } from '../emit/sdk.js';
import { loadModel } from '../pipeline.js';
import { countDiagnostics, exitCodeFor, printDiagnostics, summaryLine } from '../report/diagnostics.js';
import { writeOutput } from '../write/atomic.js';

interface GenerateArgs {
  inputs: string[];
  out?: string;
  templates?: string;
  config?: string;
  strict: boolean;
  verbose: boolean;
}

const fail = (message: string, code: 1 | 2) => {
  process.stderr.write(`docsdk generate: ${message}\n`);
  process.exitCode = code;
};

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate <inputs..>',
  describe: 'Generate the TypeScript SDK (and openapi.json) from doc pages into --out; the old output stays until the new one is complete',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Pages: files, folders (recursive) and globs' })
      .option('out', { type: 'string', describe: 'Output folder, replaced as a whole (default: the config\'s "out")' })
      .option('templates', { type: 'string', describe: 'Folder of .hbs files replacing the default templates of the same name' })
      .option('config', { type: 'string', describe: 'docsdk.config.json to use' })
      .option('strict', { type: 'boolean', default: false, describe: 'Fail (and write nothing) on any warning too' })
      .option('verbose', { type: 'boolean', default: false, describe: 'Print notes (info diagnostics) and stage timings too' }) as never,
  handler: async (args) => {
    const start = performance.now();
    const loaded = await loadConfig(args.config);
    if (countDiagnostics(loaded.diagnostics).errors) {
      printDiagnostics(loaded.diagnostics, false);
      process.exitCode = 2;
      return;
    }
    const { config } = loaded;
    const out = args.out ?? config.out;
    if (out === undefined) return fail('no output folder: pass --out DIR or set "out" in the config', 2);
    const strict = args.strict || config.strict === true;

    const { model, pages, timings } = await loadModel(args.inputs, { config, configFile: args.config });
    let sdk: EmittedSdk;
    try {
      sdk = await emitSdk(model, {
        templatesDir: args.templates ?? config.templates,
        packageName: config.package?.name,
        packageVersion: config.package?.version,
      });
    } catch (error) {
      printDiagnostics(model.diagnostics, args.verbose);
      return fail(`${(error as Error).message}\nnothing written`, 1);
    }
    const diagnostics = [...model.diagnostics, ...sdk.diagnostics];
    printDiagnostics(diagnostics, args.verbose);
    if (exitCodeFor(diagnostics, strict)) {
      process.stderr.write(summaryLine(model, pages, performance.now() - start) + '\n');
      return fail(strict ? 'errors or warnings (--strict): nothing written' : 'errors: nothing written', 1);
    }

    // The model goes along so the next run (and `docsdk diff`) can compare against this release.
    const files = new Map(sdk.files).set(MODEL_FILE_NAME, JSON.stringify(model, null, 2) + '\n');
    const writeStart = performance.now();
    try {
      await writeOutput(out, files);
    } catch (error) {
      return fail(`${(error as Error).message}\nprevious output left as it was`, 1);
    }
    const stages = { ...timings, ...sdk.timings, write: performance.now() - writeStart };
    process.stderr.write(summaryLine(model, pages, performance.now() - start) + `; ${files.size} files written to ${out}\n`);
    if (args.verbose) {
      const breakdown = Object.entries(stages).map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`);
      process.stderr.write(`docsdk: stages: ${breakdown.join(', ')}\n`);
    }
    process.exitCode = 0;
  },
};
