// `docsdk parse` as cli.ts registers it: the flags and help, light to load; the work is in parse.ts.
import type { CommandModule } from 'yargs';
import { PROFILE_NAMES } from '../parse/profiles/names.js';
import { evidenceOptions } from './evidence-options.js';
import type { ParseArgs } from './parse.js';

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
  handler: async (args) => (await import('./parse.js')).runParseCommand(args),
};
