// `docsdk generate` as cli.ts registers it: the flags and help, light to load; the work is in generate.ts.
import type { CommandModule } from 'yargs';
import { DEFAULT_MAX_REMOVED_SHARE } from '../config/types.js';
import { PROFILE_NAMES } from '../parse/profiles/names.js';
import { FAIL_ON_LEVELS } from './diff-command.js';
import { evidenceOptions } from './evidence-options.js';
import type { GenerateArgs } from './generate.js';

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate [inputs..]',
  describe: 'Generate the TypeScript SDK (and openapi.json) from doc pages into --out; the old output stays until the new one is complete',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, describe: 'Pages: files, folders (recursive) and globs (default: the config\'s "inputs"); one that matches nothing is a usage error (exit 2)' })
      .option('out', { type: 'string', describe: 'Output folder, replaced as a whole (default: the config\'s "out")' })
      .option('templates', { type: 'string', describe: 'Folder of .hbs files replacing the default templates of the same name' })
      .option('config', { type: 'string', describe: 'docsdk.config.json to use' })
      .options(evidenceOptions)
      .option('strict', { type: 'boolean', default: false, describe: 'Fail (and write nothing) on any warning too' })
      .option('profile', { type: 'string', choices: PROFILE_NAMES, describe: 'Read every page with this page profile (default: detected per page; the config\'s "profile")' })
      .option('verbose', { type: 'boolean', default: false, describe: 'Print notes (info diagnostics) and stage timings too' })
      .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 and list the files that would change if the output is stale (or a page failed)' })
      .option('fail-on', { choices: FAIL_ON_LEVELS, describe: 'Exit 1 and write nothing when the public API changed at this level or above since the last run' })
      .option('allow-shrink', {
        type: 'boolean',
        default: false,
        describe: 'Write even when every page failed, or when more than --max-removed-share of the previous output\'s operations would go (otherwise: exit 1, nothing written)',
      })
      .option('max-removed-share', { type: 'number', describe: `Share (0..1) of the previous output's operations a run may remove (default: the config's "maxRemovedShare", else ${DEFAULT_MAX_REMOVED_SHARE})` })
      .option('reporter', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'json: one JSON report on stdout (docsdk.report.schema.json), no progress' })
      .option('cache', { type: 'boolean', default: true, describe: 'Reuse unchanged pages and replay unchanged runs (--no-cache: a clean run)' })
      .option('watch', { type: 'boolean', default: false, describe: 'Regenerate whenever a page, the config or a template changes' }) as never,
  handler: async (args) => (await import('./generate.js')).runGenerateCommand(args),
};
