// yargs, built as its own ESM entry builds it (yargs/index.mjs: YargsFactory over the platform
// shim lib/platform-shims/esm.mjs, mirrored here), except that the help renderer (cliui) and
// string width (string-width) load when help text is rendered, not at start-up: loading them
// builds an Intl.Segmenter and a \p{RGI_Emoji} regexp, ~55 ms of every run (a sixth of a
// nothing-changed one) for text only --help shows. yargs calls them synchronously, so they are
// required (Node >= 20.19 requires ES modules). This reaches into yargs' build, which the lock
// file pins; test/cli/start-up.test.ts checks that --help is what yargs' own entry renders, and
// which runs load the renderer.
import { notStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import type { Argv } from 'yargs';

/** yargs' own platform shim, whose place its `require` and file names are relative to. */
const shimUrl = new URL('./lib/platform-shims/esm.mjs', import.meta.resolve('yargs'));
/** Resolves as yargs' shim does: yargs' own files and dependencies. */
const fromYargs = createRequire(shimUrl);
const shimFile = fileURLToPath(shimUrl);
const mainFilename = shimFile.substring(0, shimFile.lastIndexOf('node_modules'));

const { YargsFactory } = fromYargs('../../build/lib/yargs-factory.js') as { YargsFactory(shim: object): (argv: string[]) => Argv };
const { getProcessArgvBin, hideBin } = fromYargs('../../build/lib/utils/process-argv.js') as { getProcessArgvBin(): string[]; hideBin(argv: string[]): string[] };
const getCallerFile = fromYargs('get-caller-file') as (position?: number) => string;
const y18n = fromYargs('y18n') as (options: object) => object;

const yargs = YargsFactory({
  assert: { notStrictEqual, strictEqual },
  cliui: (options: object) => (fromYargs('cliui') as (options: object) => unknown)(options),
  findUp: fromYargs('escalade/sync'),
  getEnv: (key: string) => process.env[key],
  inspect,
  getProcessArgvBin,
  mainFilename: mainFilename || process.cwd(),
  // yargs-parser and cliui export themselves as `module.exports` to require; string-width does not.
  Parser: fromYargs('yargs-parser'),
  path: { basename, dirname, extname, relative, resolve, join },
  process: {
    argv: () => process.argv,
    cwd: process.cwd,
    emitWarning: (warning: string, type?: string) => process.emitWarning(warning, type),
    execPath: () => process.execPath,
    exit: (code?: number) => process.exit(code),
    nextTick: process.nextTick,
    stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null,
  },
  readFileSync,
  readdirSync,
  require: fromYargs,
  getCallerFile: () => {
    const callerFile = getCallerFile(3);
    return callerFile.match(/^file:\/\//) ? fileURLToPath(callerFile) : callerFile;
  },
  stringWidth: (text: string) => (fromYargs('string-width') as { default: (text: string) => number }).default(text),
  y18n: y18n({ directory: resolve(shimFile, '../../../locales'), updateFiles: false }),
});

export { hideBin, yargs };
