// `node --import ./record-modules.mjs …`: appends to $DOCSDK_MODULE_LOG the URL of every module
// the process loads. ES modules are logged by a loader hook as each one loads (synchronously,
// so none is lost however the process ends); CommonJS files (require, createRequire) from
// require.cache when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.DOCSDK_MODULE_LOG;
if (!log) throw new Error('record-modules.mjs: set DOCSDK_MODULE_LOG');
register('./record-modules-hooks.mjs', import.meta.url, { data: { log } });
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(log, Object.keys(cache).map((file) => `${pathToFileURL(file).href}\n`).join('')));
