// Progress of a generate run on stderr: a bar per page on a terminal, a plain line per stage
// elsewhere (CI logs keep no carriage returns), nothing for `--reporter json`.
import type * as CliProgress from 'cli-progress';
import { createRequire } from 'node:module';

export interface Progress {
  /** A stage begins; `total` pages for the per-page bar. */
  stage(name: string, total?: number): void;
  /** One page done. */
  tick(): void;
  done(): void;
}

export type ProgressMode = 'bar' | 'lines' | 'none';

export function progressMode(stream: NodeJS.WriteStream, reporter: 'text' | 'json'): ProgressMode {
  return reporter === 'json' ? 'none' : stream.isTTY ? 'bar' : 'lines';
}

export function createProgress(mode: ProgressMode, stream: NodeJS.WritableStream = process.stderr): Progress {
  if (mode === 'none') return { stage() {}, tick() {}, done() {} };
  if (mode === 'lines') {
    return {
      stage: (name, total) => stream.write(`docsdk: ${name}${total === undefined ? '' : ` ${total} pages`}\n`),
      tick() {},
      done() {},
    };
  }
  // Loaded for a bar only (a terminal): most runs (CI, scripts, JSON) never draw one. require,
  // as cli-progress is CommonJS and this stays synchronous.
  const { SingleBar } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const bar = new SingleBar({
    stream,
    format: 'docsdk: {stage} [{bar}] {value}/{total}',
    hideCursor: true,
    clearOnComplete: true,
  });
  let running = false;
  return {
    stage(name, total) {
      if (!running) bar.start(total ?? 1, 0, { stage: name });
      running = true;
      bar.update({ stage: name });
      if (total !== undefined) bar.setTotal(total);
    },
    tick: () => bar.increment(),
    done() {
      if (running) bar.stop();
      running = false;
    },
  };
}
