import { usableConfig } from './config-arg.js';
import { diffModels, hasChangeAtLeast, type ChangeLevel } from '../diff/changes.js';
import { loadSide } from '../diff/load-side.js';
import { diffToJson, diffToMarkdown } from '../diff/render.js';

export interface DiffArgs {
  old: string;
  new: string;
  json: boolean;
  failOn?: ChangeLevel;
  config?: string;
}

/** `docsdk diff`: the changes between two sides, as Markdown or JSON; exit 1 at --fail-on's level. */
export async function runDiffCommand(args: DiffArgs): Promise<void> {
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
}
