// Type-checks the emitted SDK in memory, as one program, with the compiler options of the
// SDK's own tsconfig.json, before anything is written.
//
// ts-morph brings the compiler and its lib files (lib.dom.d.ts alone is 1.9 MB: most of a
// check's cost). The program is built with the compiler API, without ts-morph's per-file
// wrappers: every file is parsed once, JSDoc only as far as type errors need (as tsc does),
// the SDK's files as they arrive, the lib files once per thread and shared, bound, by the
// programs of that thread.
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
/** Where ts-morph's in-memory file system keeps the lib files. */
const LIB_FOLDER = '/node_modules/typescript/lib';

function compilerOptions(tsconfigText: string): CompilerOptions {
  const { config, error } = ts.parseConfigFileTextToJson('tsconfig.json', tsconfigText);
  if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { options, errors } = ts.convertCompilerOptionsFromJson(config?.compilerOptions ?? {}, ROOT);
  if (errors.length) throw new Error(`tsconfig.json: ${errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('; ')}`);
  return { ...options, noEmit: true };
}

const requestOptions = (request: SourceFileRequest): TsMorph.ts.CreateSourceFileOptions =>
  typeof request === 'object' ? request : { languageVersion: request };

/** Whether `file` is what parsing for `request` would give (what else a request carries does not change a parse). */
const parsedFor = (file: SourceFile, request: SourceFileRequest): boolean =>
  file.languageVersion === requestOptions(request).languageVersion && file.impliedNodeFormat === requestOptions(request).impliedNodeFormat;

/** The lib files' text, from ts-morph's in-memory file system. */
let libTexts: TsMorph.ts.ModuleResolutionHost | undefined;
const libText = (file: string) => (libTexts ??= new Project({ useInMemoryFileSystem: true }).getModuleResolutionHost()).readFile(file);

/** Parsed lib files, kept for every program of this thread. */
const libFiles = new Map<string, SourceFile>();

function libFile(file: string, request: SourceFileRequest): SourceFile | undefined {
  const kept = libFiles.get(file);
  if (kept && parsedFor(kept, request)) return kept;
  const text = libText(file);
  if (text === undefined) return undefined;
  const parsed = ts.createSourceFile(file, text, request);
  libFiles.set(file, parsed);
  return parsed;
}

/**
 * One in-memory program for an SDK. Files go in as they are emitted (tsconfig.json and
 * package.json first: they decide how the .ts files are read), errors come out at the end.
 */
export class SdkProject {
  private options: CompilerOptions;
  private readonly texts = new Map<string, string>();
  private readonly folders = new Set<string>([ROOT]);
  private readonly parsed = new Map<string, SourceFile>();
  /** How the program asks for a file under src/ (target, module format), learnt from a probe. */
  private srcRequest?: TsMorph.ts.CreateSourceFileOptions;

  constructor(tsconfigText = '{}') {
    this.options = compilerOptions(tsconfigText);
  }

  /** Parses and binds the lib files now, so that a later errors() only has the SDK's own files left to do. */
  warm(): void {
    // Creating the checker binds every file of the program, the lib files included.
    this.program([PROBE]).getTypeChecker();
  }

  setFile(path: string, text: string): void {
    const file = `${ROOT}/${path}`;
    this.texts.set(file, text);
    for (let folder = dirname(file); folder !== ROOT && !this.folders.has(folder); folder = dirname(folder)) this.folders.add(folder);
    if (path === 'tsconfig.json' || path === 'package.json') {
      if (path === 'tsconfig.json') this.options = compilerOptions(text);
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
    const text = (file: string) => (file === PROBE ? PROBE_TEXT : this.texts.get(file));
    const inLib = (file: string) => file.startsWith(LIB_FOLDER + '/');
    const host: TsMorph.ts.CompilerHost = {
      getSourceFile: (file, request) => {
        onRequest?.(file, request);
        if (inLib(file)) return libFile(file, request);
        const parsed = this.parsed.get(file);
        if (parsed && parsedFor(parsed, request)) return parsed;
        const source = text(file);
        return source === undefined ? undefined : ts.createSourceFile(file, source, request);
      },
      fileExists: (file) => text(file) !== undefined || (inLib(file) && libText(file) !== undefined),
      readFile: (file) => text(file) ?? (inLib(file) ? libText(file) : undefined),
      directoryExists: (folder) => this.folders.has(folder) || folder === LIB_FOLDER,
      getDirectories: () => [],
      getDefaultLibFileName: (options) => `${LIB_FOLDER}/${ts.getDefaultLibFileName(options)}`,
      getDefaultLibLocation: () => LIB_FOLDER,
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
