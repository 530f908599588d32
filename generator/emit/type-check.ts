// Type-checks the emitted SDK in memory, as one program, with the compiler options of the
// SDK's own tsconfig.json, before anything is written.
//
// ts-morph loads the compiler and its lib files (lib.dom.d.ts alone is 1.9 MB: most of a
// check's cost), once per SdkProject. The SDK's own files skip ts-morph's per-file wrappers:
// each is parsed with the compiler API as it arrives, JSDoc only as far as type errors need
// (as tsc does), and checked in one program whose lib files are ts-morph's, parsed and bound.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as TsMorph from 'ts-morph';

export { SdkTypeError } from './sdk-type-error.js';

// require, not import: an ES import of this CommonJS bundle first scans its 10 MB of source
// for export names (~0.2 s of a check's start-up).
const { Project, ts } = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;
type CompilerOptions = TsMorph.ts.CompilerOptions;
type SourceFile = TsMorph.ts.SourceFile;
type SourceFileRequest = TsMorph.ts.ScriptTarget | TsMorph.ts.CreateSourceFileOptions;

const ROOT = '/sdk';
const SRC = `${ROOT}/src/`;
const PROBE = `${SRC}__probe__.ts`;
const PROBE_TEXT = 'export {};';

function compilerOptions(tsconfigText: string): CompilerOptions {
  const { config, error } = ts.parseConfigFileTextToJson('tsconfig.json', tsconfigText);
  if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { options, errors } = ts.convertCompilerOptionsFromJson(config?.compilerOptions ?? {}, ROOT);
  if (errors.length) throw new Error(`tsconfig.json: ${errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('; ')}`);
  return { ...options, noEmit: true };
}

const requestOptions = (request: SourceFileRequest): TsMorph.ts.CreateSourceFileOptions =>
  typeof request === 'object' ? request : { languageVersion: request };

/** The lib files of one set of compiler options, parsed and bound by ts-morph. */
class LibFiles {
  readonly folder: string;
  private readonly project: TsMorph.Project;
  private readonly files = new Map<string, SourceFile>();

  constructor(options: CompilerOptions) {
    this.project = new Project({ useInMemoryFileSystem: true, compilerOptions: options });
    this.project.createSourceFile(PROBE, PROBE_TEXT);
    const program = this.project.getProgram().compilerObject;
    // Creating the checker binds every file, the lib files included.
    program.getTypeChecker();
    for (const file of program.getSourceFiles()) if (program.isSourceFileDefaultLibrary(file)) this.files.set(file.fileName, file);
    this.folder = dirname([...this.files.keys()][0] ?? '/node_modules/typescript/lib/lib.d.ts');
  }

  /** A lib file; one the options did not bring in (a `/// <reference lib>`) is read through ts-morph too. */
  get(fileName: string): SourceFile | undefined {
    return this.files.get(fileName) ?? this.project.addSourceFileAtPathIfExists(fileName)?.compilerNode;
  }
}

/**
 * One in-memory program for an SDK. Files go in as they are emitted (tsconfig.json and
 * package.json first: they decide how the .ts files are read), errors come out at the end.
 */
export class SdkProject {
  private options: CompilerOptions;
  private libs?: LibFiles;
  private readonly texts = new Map<string, string>();
  private readonly folders = new Set<string>([ROOT]);
  private readonly parsed = new Map<string, SourceFile>();
  /** How the program asks for a file under src/ (target, module format), learnt from a probe. */
  private srcRequest?: TsMorph.ts.CreateSourceFileOptions;

  constructor(tsconfigText = '{}') {
    this.options = compilerOptions(tsconfigText);
  }

  /** Loads the lib files now, so that a later errors() only has the SDK's own files left to do. */
  warm(): void {
    this.libs ??= new LibFiles(this.options);
  }

  setFile(path: string, text: string): void {
    const file = `${ROOT}/${path}`;
    this.texts.set(file, text);
    for (let folder = dirname(file); folder !== ROOT && !this.folders.has(folder); folder = dirname(folder)) this.folders.add(folder);
    if (path === 'tsconfig.json' || path === 'package.json') {
      if (path === 'tsconfig.json') {
        const options = compilerOptions(text);
        if (JSON.stringify(options) !== JSON.stringify(this.options)) this.libs = undefined;
        this.options = options;
      }
      // They change how .ts files are read: what was parsed before is parsed again when asked for.
      this.srcRequest = undefined;
      this.parsed.clear();
    } else if (file.startsWith(SRC) && file.endsWith('.ts')) {
      this.srcRequest ??= this.probeRequest();
      this.parsed.set(file, ts.createSourceFile(file, text, this.srcRequest));
    }
  }

  /** Type errors of the files set so far; empty when they compile. */
  errors(): string[] {
    const roots = [...this.texts.keys()].filter((file) => file.endsWith('.ts'));
    return ts.getPreEmitDiagnostics(this.program(roots)).map((diagnostic) => {
      const { file, start } = diagnostic;
      const line = file && start !== undefined ? file.getLineAndCharacterOfPosition(start).line + 1 : 0;
      const where = file ? `${file.fileName.slice(ROOT.length + 1)}:${line}` : 'sdk';
      return `${where} - TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    });
  }

  /** What the program passes when it reads a file under src/ with the current settings. */
  private probeRequest(): TsMorph.ts.CreateSourceFileOptions {
    let seen: TsMorph.ts.CreateSourceFileOptions | undefined;
    this.program([PROBE], (file, request) => {
      if (file === PROBE) seen = requestOptions(request);
    });
    return seen!;
  }

  private program(roots: string[], onRequest?: (file: string, request: SourceFileRequest) => void): TsMorph.ts.Program {
    this.warm();
    const libs = this.libs!;
    const text = (file: string) => (file === PROBE ? PROBE_TEXT : this.texts.get(file));
    const inLib = (file: string) => file.startsWith(libs.folder + '/');
    const host: TsMorph.ts.CompilerHost = {
      getSourceFile: (file, request) => {
        onRequest?.(file, request);
        if (inLib(file)) return libs.get(file);
        const parsed = this.parsed.get(file);
        if (parsed && parsed.languageVersion === requestOptions(request).languageVersion && parsed.impliedNodeFormat === requestOptions(request).impliedNodeFormat) return parsed;
        const source = text(file);
        return source === undefined ? undefined : ts.createSourceFile(file, source, request);
      },
      fileExists: (file) => text(file) !== undefined || (inLib(file) && libs.get(file) !== undefined),
      readFile: (file) => text(file) ?? (inLib(file) ? libs.get(file)?.text : undefined),
      directoryExists: (folder) => this.folders.has(folder) || folder === libs.folder,
      getDirectories: () => [],
      getDefaultLibFileName: (options) => `${libs.folder}/${ts.getDefaultLibFileName(options)}`,
      getDefaultLibLocation: () => libs.folder,
      getCurrentDirectory: () => ROOT,
      getCanonicalFileName: (file) => file,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      writeFile: () => undefined,
      // As tsc: JSDoc is parsed only where it can hold type errors.
      jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
    };
    return ts.createProgram({ rootNames: roots, options: this.options, host });
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
