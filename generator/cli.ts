#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { diffCommand } from './commands/diff.js';
import { generateCommand } from './commands/generate.js';
import { parseCommand } from './commands/parse.js';

// Thin: flags and commands only; each command module calls into the library.
await yargs(hideBin(process.argv))
  .scriptName('docsdk')
  .command(parseCommand)
  .command(generateCommand)
  .command(diffCommand)
  .demandCommand(1, 'Name a command: parse, generate or diff')
  .strict()
  .help()
  // Usage errors exit 2, apart from page problems (1); real exceptions propagate.
  .fail((message, error) => {
    if (error) throw error;
    process.stderr.write(`docsdk: ${message}\nRun docsdk --help for usage.\n`);
    process.exit(2);
  })
  .parseAsync();
