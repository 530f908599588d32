// `generate --watch`: reruns when a page, the config or a template changes. chokidar, not
// Node's recursive fs.watch: editors that save by writing a temp file and renaming it over
// the page, and files or a config that appear after the start, are seen on every platform.
import { watch } from 'chokidar';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/load.js';
import { CONFIG_FILE_NAME, type Config } from '../config/types.js';
import { EVIDENCE_FILE_NAME } from '../evidence/types.js';
import { isGlob, staticPrefix } from '../read/inputs.js';
import { defaultCacheFile } from './run-cache.js';

/** What to watch for `inputs`: each path as given (it need not exist yet), a glob from its fixed folder prefix. */
export async function watchTargets(inputs: string[], cwd = process.cwd()): Promise<string[]> {
  const targets: string[] = [];
  for (const input of inputs) targets.push(resolve(cwd, (await isGlob(input)) ? await staticPrefix(input) : input));
  return [...new Set(targets)].sort();
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

export interface Watching {
  /** Resolves once the watcher has read the folders it watches: changes from then on are seen. */
  ready: Promise<void>;
  /** Runs now, in the same queue as the runs changes start (a change during it runs again after it). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Calls `run` after each burst of changes below `targets` (debounced), never two runs at
 * once, ignoring changes inside `ignore` (the output folder and cache, whose own writes
 * would loop) and the atomic writer's temp folders.
 */
export function watchForChanges(targets: string[], ignore: string[], run: () => Promise<void>, debounceMs = 150): Watching {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const trigger = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void trigger();
      }
    });
    return running;
  };
  const watcher = watch(targets, {
    ignoreInitial: true,
    ignored: (path) => path.includes('.docsdk-tmp-') || ignore.some((folder) => isInside(resolve(path), folder)),
  });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void trigger(), debounceMs);
  });
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));
  return {
    ready,
    runNow: trigger,
    async stop() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** What `generate --watch` reruns on. */
export interface GenerateWatchArgs {
  inputs?: string[];
  out?: string;
  config?: string;
  templates?: string;
  evidenceFile?: string;
  evidence?: string[];
}

/**
 * Everything a generate run reads: the pages, the config file and the evidence file (both
 * watched even when there is none yet: creating one changes the run), the templates and the
 * HAR captures.
 */
export function generateWatchTargets(args: GenerateWatchArgs, config: Config): Promise<string[]> {
  const templates = args.templates ?? config.templates;
  return watchTargets([
    ...(args.inputs?.length ? args.inputs : (config.inputs ?? [])),
    args.config ?? CONFIG_FILE_NAME,
    args.evidenceFile ?? config.evidenceFile ?? EVIDENCE_FILE_NAME,
    ...(args.evidence ?? []),
    ...(templates ? [templates] : []),
  ]);
}

/** Watches what a generate run reads (generateWatchTargets) and reruns it on change, until SIGINT. */
export async function watchGenerate(args: GenerateWatchArgs, rerun: () => Promise<void>): Promise<void> {
  const loaded = await loadConfig(args.config);
  const out = resolve(args.out ?? loaded.config.out ?? '.');
  const targets = await generateWatchTargets(args, loaded.config);
  const watching = watchForChanges(targets, [out, dirname(defaultCacheFile(out))], rerun);
  await watching.ready;
  await watching.runNow();
  process.stderr.write(`docsdk: watching ${targets.length} paths; Ctrl-C to stop\n`);
  process.once('SIGINT', () => {
    void watching.stop().then(() => process.exit(process.exitCode ?? 0));
  });
}
