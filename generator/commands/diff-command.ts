// `docsdk diff` as cli.ts registers it: the flags and help, light to load; the work is in diff.ts.
import type { CommandModule } from 'yargs';
import type { ChangeLevel } from '../diff/changes.js';
import type { DiffArgs } from './diff.js';

export const FAIL_ON_LEVELS: readonly ChangeLevel[] = ['breaking', 'feature', 'docs'];

export const diffCommand: CommandModule<object, DiffArgs> = {
  command: 'diff <old> <new>',
  describe:
    'Report every change of the generated public API between two models, openapi.json files, output folders or folders of pages, and the semver bump it calls for',
  builder: (y) =>
    y
      .positional('old', { type: 'string', demandOption: true, describe: 'Before: model JSON, openapi.json, output folder, or pages' })
      .positional('new', { type: 'string', demandOption: true, describe: 'After: same kinds as <old>' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the changes as JSON instead of Markdown' })
      .option('fail-on', { choices: FAIL_ON_LEVELS, describe: 'Exit 1 when there is a change of this level or above' })
      .option('config', { type: 'string', describe: 'docsdk.config.json applied when a side is pages' }) as never,
  // The implementation is loaded only when the command runs (so is every command's).
  handler: async (args) => (await import('./diff.js')).runDiffCommand(args),
};
