// The TypeScript compiler the SDK is checked with: the native one (`typescript` 7, a static
// binary in a per-platform package), installed as docsdk's dependency `typescript-native`.
// Its version is the one the SDK's package.json pins, so docsdk checks with the compiler its
// users build with.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The alias under which docsdk depends on `typescript` 7 (its top-level `typescript` is the one docsdk is built with). */
export const COMPILER_PACKAGE = 'typescript-native';

const require = createRequire(import.meta.url);
const compilerPackageJson = require.resolve(`${COMPILER_PACKAGE}/package.json`);

/** The installed compiler's version, e.g. `7.0.2`: what the SDK's package.json pins. */
export const compilerVersion: string = JSON.parse(readFileSync(compilerPackageJson, 'utf8')).version;

let executable: string | undefined;

/** Path of the compiler binary for this platform, as the package's own bin finds it. */
export function compilerExecutable(): string {
  if (executable) return executable;
  const platformPackage = `@typescript/typescript-${process.platform}-${process.arch}`;
  let libDir: string;
  try {
    libDir = join(dirname(createRequire(compilerPackageJson).resolve(`${platformPackage}/package.json`)), 'lib');
  } catch {
    throw new Error(`the TypeScript ${compilerVersion} compiler has no binary for ${process.platform}-${process.arch} (${platformPackage} is not installed)`);
  }
  const file = join(libDir, process.platform === 'win32' ? 'tsc.exe' : 'tsc');
  if (!existsSync(file)) throw new Error(`${file}: the TypeScript ${compilerVersion} compiler binary is missing`);
  return (executable = file);
}
