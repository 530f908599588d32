#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { diffCommand } from './commands/diff.js';
import { generateCommand } from './commands/generate.js';
import { parseCommand } from './commands/parse.js';
import { probeCommand } from './commands/probe.js';
import { describeFsError } from './read/inputs.js';
import { INTERNAL_ERROR_EXIT } from './report/diagnostics.js';

// Thin: flags and commands only; each command module calls into the library. What a command
// does not turn into a diagnostic is a docsdk bug: one line and exit 3, never a stack trace
// (DOCSDK_DEBUG=1 shows it).
try {
  await yargs(hideBin(process.argv))
    .scriptName('docsdk')
    .command(parseCommand)
    .command(generateCommand)
    .command(diffCommand)
    .command(probeCommand)
    .demandCommand(1, 'Name a command: parse, generate, diff or probe')
    .strict()
    .help()
    // Usage errors exit 2, apart from page problems (1); real exceptions propagate.
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`docsdk: ${message}\nRun docsdk --help for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
} catch (error) {
  const detail = process.env.DOCSDK_DEBUG ? ((error as Error)?.stack ?? String(error)) : describeFsError(error);
  process.stderr.write(`docsdk: internal error: ${detail}\n(a docsdk bug; please report it with this line. The previous output is left as it was.)\n`);
  process.exitCode = INTERNAL_ERROR_EXIT;
}
