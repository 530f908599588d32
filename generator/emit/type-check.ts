// Type-checks the emitted SDK in memory, as one program, with the compiler options of the
// SDK's own tsconfig.json, before anything is written.
import { Project, ts } from 'ts-morph';

const ROOT = '/sdk';

/** Thrown when the generated SDK does not compile; `errors` are `file:line:col - message`. */
export class SdkTypeError extends Error {
  constructor(readonly errors: string[]) {
    super(`the generated SDK does not type-check (${errors.length} errors):\n${errors.slice(0, 20).join('\n')}`);
    this.name = 'SdkTypeError';
  }
}

function compilerOptions(tsconfigText: string): ts.CompilerOptions {
  const { config, error } = ts.parseConfigFileTextToJson('tsconfig.json', tsconfigText);
  if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { options, errors } = ts.convertCompilerOptionsFromJson(config?.compilerOptions ?? {}, ROOT);
  if (errors.length) throw new Error(`tsconfig.json: ${errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('; ')}`);
  return { ...options, noEmit: true };
}

/** Type errors of the `.ts` files in `files` (relative path → text); empty when it compiles. */
export function typeErrors(files: ReadonlyMap<string, string>): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: compilerOptions(files.get('tsconfig.json') ?? '{}'),
  });
  // package.json decides whether .ts files are ES modules under NodeNext.
  const packageJson = files.get('package.json');
  if (packageJson !== undefined) project.getFileSystem().writeFileSync(`${ROOT}/package.json`, packageJson);
  for (const [path, text] of files) if (path.endsWith('.ts')) project.createSourceFile(`${ROOT}/${path}`, text);
  return project.getPreEmitDiagnostics().map((diagnostic) => {
    const file = diagnostic.getSourceFile();
    const where = file ? `${file.getFilePath().slice(ROOT.length + 1)}:${diagnostic.getLineNumber() ?? 0}` : 'sdk';
    return `${where} - TS${diagnostic.getCode()}: ${ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, ' ')}`;
  });
}
