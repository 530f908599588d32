import type { CommandModule } from 'yargs';
import { usableConfig } from './config-arg.js';
import { diffModels, hasChangeAtLeast, type ChangeLevel } from '../diff/changes.js';
import { loadSide } from '../diff/load-side.js';
import { diffToJson, diffToMarkdown } from '../diff/render.js';

interface DiffArgs {
  old: string;
  new: string;
  json: boolean;
  failOn?: ChangeLevel;
  config?: string;
}

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
  handler: async (args) => {
    const loaded = await usableConfig(args.config);
    if (!loaded) return;
    const options = { config: loaded.config, configFile: args.config };
    let sides;
    try {
      sides = await Promise.all([loadSide(args.old, options), loadSide(args.new, options)]);
    } catch (e) {
      process.stderr.write(`docsdk diff: ${(e as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    const diff = diffModels(...sides);
    process.stdout.write(args.json ? diffToJson(diff) : diffToMarkdown(diff));
    process.exitCode = args.failOn && hasChangeAtLeast(diff, args.failOn) ? 1 : 0;
  },
};
