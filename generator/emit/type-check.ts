// Type-checks the emitted SDK in memory, as one program, with the compiler options of the
// SDK's own tsconfig.json, before anything is written.
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

// require, not import: an ES import of this CommonJS bundle first scans its 10 MB of source
// for export names (~0.2 s of a check's start-up).
const { Project, ts } = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;
type CompilerOptions = TsMorph.ts.CompilerOptions;

export { SdkTypeError } from './sdk-type-error.js';

const ROOT = '/sdk';

function compilerOptions(tsconfigText: string): CompilerOptions {
  const { config, error } = ts.parseConfigFileTextToJson('tsconfig.json', tsconfigText);
  if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { options, errors } = ts.convertCompilerOptionsFromJson(config?.compilerOptions ?? {}, ROOT);
  if (errors.length) throw new Error(`tsconfig.json: ${errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('; ')}`);
  return { ...options, noEmit: true };
}

/**
 * One in-memory project for an SDK. Files go in as they are emitted (tsconfig.json and
 * package.json first: they decide how the .ts files are read), errors come out at the end.
 */
export class SdkProject {
  private readonly project: TsMorph.Project;

  constructor(tsconfigText = '{}') {
    this.project = new Project({ useInMemoryFileSystem: true, compilerOptions: compilerOptions(tsconfigText) });
  }

  /**
   * Parses and binds the lib files (lib.dom alone is 1.9 MB), most of a check's cost, through
   * a throwaway file; the project keeps them, so a later errors() has only the SDK's own files
   * left to do.
   */
  warm(): void {
    const probe = this.project.createSourceFile(`${ROOT}/src/__warm__.ts`, 'export {};');
    this.project.getProgram().getGlobalDiagnostics();
    this.project.removeSourceFile(probe);
  }

  setFile(path: string, text: string): void {
    if (path === 'tsconfig.json') this.project.compilerOptions.set(compilerOptions(text));
    // package.json decides whether .ts files are ES modules under NodeNext.
    else if (path === 'package.json') this.project.getFileSystem().writeFileSync(`${ROOT}/package.json`, text);
    else if (path.endsWith('.ts')) this.project.createSourceFile(`${ROOT}/${path}`, text, { overwrite: true });
  }

  /** Type errors of the files set so far; empty when they compile. */
  errors(): string[] {
    return this.project.getPreEmitDiagnostics().map((diagnostic) => {
      const file = diagnostic.getSourceFile();
      const where = file ? `${file.getFilePath().slice(ROOT.length + 1)}:${diagnostic.getLineNumber() ?? 0}` : 'sdk';
      return `${where} - TS${diagnostic.getCode()}: ${ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, ' ')}`;
    });
  }
}

/** Type errors of the `.ts` files in `files` (relative path → text); empty when it compiles. */
export function typeErrors(files: ReadonlyMap<string, string>): string[] {
  const project = new SdkProject(files.get('tsconfig.json'));
  const packageJson = files.get('package.json');
  if (packageJson !== undefined) project.setFile('package.json', packageJson);
  for (const [path, text] of files) if (path.endsWith('.ts')) project.setFile(path, text);
  return project.errors();
}
