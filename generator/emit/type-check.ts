// Type-checks the emitted SDK with the native compiler (native-compiler.ts), with the SDK's
// own tsconfig.json: `tsc --noEmit`, as its users build it. generate runs it on the folder
// the SDK is staged in before it replaces the output (checkStagedFolder); emitSdk on its own
// checks in a temporary folder, its files written as they are emitted and the compiler
// started once the last .ts file is in, while the rest is rendered.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveInside } from '../write/paths.js';
import { compilerExecutable } from './native-compiler.js';

import { SdkTypeError } from './sdk-type-error.js';

export { SdkTypeError };

/** Where the checked files go. */
interface CheckFolder {
  readonly dir: string;
  write(path: string, text: string): Promise<void>;
}

export interface TypeCheck {
  /** One emitted file (relative path), written into the checked folder now. */
  setFile(path: string, text: string): void;
  /** Starts the compiler on the .ts files set so far; resolves to their type errors, empty when they compile. */
  errors(): Promise<string[]>;
  /** Waits for every file set to be written, and removes a temporary folder. */
  close(): Promise<void>;
}

// `src/a.ts(12,5): error TS2322: Type …` (lines after it indented: the rest of a chained message).
const DIAGNOSTIC = /^(?:(.+?)\((\d+),\d+\): )?error TS(\d+): (.*)$/;

/** The compiler's `--pretty false` output as `file:line - TSnnnn: message` lines. */
export function diagnosticLines(output: string): string[] {
  const lines: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = DIAGNOSTIC.exec(line);
    if (match) {
      const [, file, row, code, message] = match;
      lines.push(`${file ? `${file}:${row}` : 'sdk'} - TS${code}: ${message}`);
    } else if (/^\s+\S/.test(line) && lines.length) {
      lines[lines.length - 1] += ` ${line.trim()}`;
    } else if (line.trim()) {
      lines.push(`sdk - ${line.trim()}`);
    }
  }
  return lines;
}

/** Runs the compiler on `dir` (its tsconfig.json); type errors as diagnosticLines. */
export function compileFolder(dir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // One checker thread: on a machine whose cores are busy (the run renders the rest of the
    // package meanwhile) that is measured faster than the compiler's default of four.
    const args = ['-p', 'tsconfig.json', '--noEmit', '--pretty', 'false', '--singleThreaded'];
    execFile(compilerExecutable(), args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit code 1 or 2: diagnostics were reported; anything else is the compiler failing.
      const code = error && 'code' in error ? error.code : 0;
      if (error && code !== 1 && code !== 2) return reject(new Error(`the TypeScript compiler failed: ${error.message}${stderr ? `\n${stderr}` : ''}`));
      const lines = diagnosticLines(stdout);
      if (error && !lines.length) return reject(new Error(`the TypeScript compiler exited ${code} without a diagnostic${stderr ? `:\n${stderr}` : ''}`));
      resolve(lines);
    });
  });
}

/** A temporary folder of its own, for a check outside a generate run. */
async function temporaryFolder(): Promise<CheckFolder & { remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'docsdk-check-'));
  // Each folder made once, however many writes into it start at the same time.
  const folders = new Map<string, Promise<unknown>>();
  return {
    dir,
    async write(path, text) {
      const file = resolveInside(dir, path);
      const folder = dirname(file);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      await folders.get(folder);
      await writeFile(file, text);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A type check in a temporary folder of its own. */
export function startTypeCheck(): TypeCheck {
  return new FolderTypeCheck();
}

class FolderTypeCheck implements TypeCheck {
  private readonly folder = temporaryFolder();
  private readonly writes: Promise<void>[] = [];
  private started = false;

  setFile(path: string, text: string): void {
    if (this.started && path.endsWith('.ts')) throw new Error(`${path}: a .ts file set after the type check started`);
    const written = this.folder.then((folder) => folder.write(path, text));
    // Awaited in errors() or close(); a run that stops early must not see an unhandled rejection.
    written.catch(() => undefined);
    this.writes.push(written);
  }

  async errors(): Promise<string[]> {
    this.started = true;
    await Promise.all(this.writes);
    return compileFolder((await this.folder).dir);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.writes);
    await (await this.folder).remove();
  }
}

/** The check of the staged output folder (writeOutput's beforeSwap): throws SdkTypeError when it does not compile. */
export async function checkStagedFolder(dir: string): Promise<void> {
  const errors = await compileFolder(dir);
  if (errors.length) throw new SdkTypeError(errors);
}

/** Type errors of the `.ts` files in `files` (relative path → text, with tsconfig.json and package.json); empty when they compile. */
export async function typeErrors(files: ReadonlyMap<string, string>): Promise<string[]> {
  const check = startTypeCheck();
  try {
    for (const [path, text] of files) check.setFile(path, text);
    return await check.errors();
  } finally {
    await check.close();
  }
}
