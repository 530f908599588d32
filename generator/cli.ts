#!/usr/bin/env node
// docsdk's bin, bundled by rolldown.config.mjs into dist/cli/cli.js. The CLI runs in this very
// process: no second node is started (an earlier bin re-spawned node to size V8's thread pool;
// a kill of the parent then left the child running and writing), so a signal that ends this
// process ends the whole run.
import { diffCommand } from './commands/diff-command.js';
import { generateCommand } from './commands/generate-command.js';
import { withoutHelpCache } from './commands/help-cache.js';
import { parseCommand } from './commands/parse-command.js';
import { probeCommand } from './commands/probe-command.js';
import { hideBin, yargs } from './commands/yargs-entry.js';
import { describeFsError } from './read/fs-error.js';
import { INTERNAL_ERROR_EXIT } from './report/diagnostics.js';
import { reportJson, type RunResult } from './workflow/run-report.js';

const argv = hideBin(process.argv);
/** `--reporter json` (or `=json`) was asked for: even a usage or internal error is a JSON report then. */
const jsonReport = argv.some((arg, i) => arg === '--reporter=json' || (arg === '--reporter' && argv[i + 1] === 'json'));
const printJson = (result: RunResult) =>
  process.stdout.write(reportJson({ reportVersion: 1, command: argv[0] === 'parse' ? 'parse' : 'generate', pages: 0, parsed: 0, replayed: false, ...result, ms: 0 }));

// Thin: flags and commands only; each command module calls into the library, loaded when the
// command runs (`--version`, `--help` or one command load none of the others). What a command
// does not turn into a diagnostic is a docsdk bug: one line and exit 3, never a stack trace
// (DOCSDK_DEBUG=1 shows it).
try {
  await withoutHelpCache(yargs(argv))
    .scriptName('docsdk')
    // Named, not guessed: yargs would take the version of the package.json above wherever it
    // is installed, which in a project that installed docsdk is the project's. Imported here,
    // in the try: a package without its package.json is a one-line error too.
    .version((await import('./config/package-root.js')).docsdkVersion)
    .command(parseCommand)
    .command(generateCommand)
    .command(diffCommand)
    .command(probeCommand)
    .demandCommand(1, 'Name a command: parse, generate, diff or probe')
    .strict()
    .help()
    // Usage errors exit 2, apart from page problems (1); real exceptions propagate.
    .fail((message, error) => {
      // A check's message comes as `error` too, as a string: a usage error like the rest.
      if (error instanceof Error) throw error;
      if (jsonReport) printJson({ outcome: 'usage-error', exitCode: 2, diagnostics: [], reason: message });
      process.stderr.write(`docsdk: ${message}\nRun docsdk --help for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
} catch (error) {
  const detail = process.env.DOCSDK_DEBUG ? ((error as Error)?.stack ?? String(error)) : describeFsError(error);
  if (jsonReport) printJson({ outcome: 'internal-error', exitCode: INTERNAL_ERROR_EXIT, diagnostics: [], reason: `internal error: ${detail}` });
  process.stderr.write(`docsdk: internal error: ${detail}\n(a docsdk bug; please report it with this line. The previous output is left as it was.)\n`);
  process.exitCode = INTERNAL_ERROR_EXIT;
}
