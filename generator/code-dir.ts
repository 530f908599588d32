// The folder of docsdk's code that is running: this module's own. It sits at the top of that
// code in every layout: generator/ (tests run the sources), dist/generator/ (the library, tsc's
// output) and dist/cli/ (the CLI bundle, all of whose files are in that one folder).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const codeDir = dirname(fileURLToPath(import.meta.url));
