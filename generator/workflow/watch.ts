// `generate --watch`: reruns when a page, the config or a template changes. Node's own
// recursive fs.watch is enough here (Linux, macOS and Windows on Node 20).
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { findPages } from '../read/inputs.js';

export interface WatchTarget {
  path: string;
  recursive: boolean;
}

/** What to watch for `inputs`: folders recursively, files alone, a glob from its fixed folder prefix. */
export async function watchTargets(inputs: string[], extra: string[] = [], cwd = process.cwd()): Promise<WatchTarget[]> {
  const targets = new Map<string, WatchTarget>();
  for (const input of [...inputs, ...extra]) {
    const abs = resolve(cwd, input);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) targets.set(abs, { path: abs, recursive: true });
    else if (info?.isFile()) targets.set(abs, { path: abs, recursive: false });
    else for (const page of (await findPages([input], cwd)).pages.slice(0, 1)) targets.set(page.root, { path: page.root, recursive: true });
  }
  return [...targets.values()];
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}

/**
 * Calls `run` after each burst of changes below `targets` (debounced), never two runs at
 * once, ignoring changes inside `ignore` (the output folder, whose own writes would loop).
 * Returns a function that stops watching.
 */
export function watchForChanges(targets: WatchTarget[], ignore: string[], run: () => Promise<void>, debounceMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const trigger = () => {
    if (running) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        trigger();
      }
    });
  };
  const onEvent = (base: string) => (_event: string, name: string | Buffer | null) => {
    const changed = name ? join(base, name.toString()) : base;
    if (ignore.some((folder) => isInside(changed, folder)) || changed.includes('.docsdk-tmp-')) return;
    clearTimeout(timer);
    timer = setTimeout(trigger, debounceMs);
  };
  const watchers: FSWatcher[] = targets.map((t) =>
    watch(t.path, { recursive: t.recursive }, onEvent(t.recursive ? t.path : dirname(t.path))),
  );
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
