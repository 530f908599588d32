// Turns an emitted SDK into something a test can run: its .ts files transpiled to .js in a
// temp folder, imported as ES modules.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';

/** Writes `files` as they are plus a .js beside each .ts; returns the folder. */
export async function writeRunnableSdk(files: ReadonlyMap<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'docsdk-sdk-'));
  for (const [path, text] of files) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    if (path.endsWith('.ts')) {
      const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
      await writeFile(target.replace(/\.ts$/, '.js'), js);
    }
  }
  return dir;
}

/** Imports the SDK's `src/index.js` written by writeRunnableSdk. */
export async function importSdk(dir: string): Promise<Record<string, unknown>> {
  return import(/* @vite-ignore */ pathToFileURL(join(dir, 'src', 'index.js')).href);
}
