import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_ID_FILE, buildIdOf, hashCode, packageRoot, writeBuildId } from '../../generator/config/package-root.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A built code folder of two files (one nested) and a declaration, all dated `at` (seconds). */
function codeDir(at = 1_000_000): string {
  const dir = mkdtempSync(join(tmpdir(), 'docsdk-build-id-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'emit'));
  for (const [file, text] of [['cli.js', 'run();\n'], ['emit/sdk.js', 'emit();\n'], ['cli.d.ts', 'export {};\n']]) {
    writeFileSync(join(dir, file), text);
    utimesSync(join(dir, file), at, at);
  }
  return dir;
}

/** The id of `dir` hashed with `file` in it, and without a record. */
function hashedWith(dir: string, file: string, text: string): string {
  const copy = codeDir();
  writeFileSync(join(copy, file), text);
  return buildIdOf(copy);
}

describe('docsdk build id', () => {
  it('is the same read from the build record as hashed from the code', () => {
    const dir = codeDir();
    const hashed = buildIdOf(dir);
    writeBuildId(dir);
    expect(JSON.parse(readFileSync(join(dir, BUILD_ID_FILE), 'utf8'))).toEqual({ code: hashCode(dir), files: [['/cli.js', 7], ['/emit/sdk.js', 8]] });
    expect(buildIdOf(dir)).toBe(hashed);
    expect(hashed).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
  });

  it('takes the code hash from the record, without reading the code, while no code file is newer', () => {
    const dir = codeDir();
    const hashed = buildIdOf(dir);
    writeFileSync(join(dir, BUILD_ID_FILE), JSON.stringify({ code: 'recorded', files: [['/cli.js', 7], ['/emit/sdk.js', 8]] }));
    expect(buildIdOf(dir)).not.toBe(hashed);
    expect(buildIdOf(dir)).toBe(buildIdOf(dir));
  });

  it('hashes the code again when a file was added, removed or resized since the record, whatever its time', () => {
    const dir = codeDir();
    writeFileSync(join(dir, BUILD_ID_FILE), JSON.stringify({ code: 'recorded', files: [['/cli.js', 7], ['/emit/sdk.js', 8]] }));
    const recorded = buildIdOf(dir);
    // Copied in with an old time: not newer than the record.
    writeFileSync(join(dir, 'emit/extra.js'), 'extra();\n');
    utimesSync(join(dir, 'emit/extra.js'), 1_000_000, 1_000_000);
    const added = buildIdOf(dir);
    expect(added).not.toBe(recorded);
    rmSync(join(dir, 'emit/extra.js'));
    expect(buildIdOf(dir)).toBe(recorded);
    // Restored with its old time, one byte longer.
    writeFileSync(join(dir, 'emit/sdk.js'), 'emit(); \n');
    utimesSync(join(dir, 'emit/sdk.js'), 1_000_000, 1_000_000);
    expect(buildIdOf(dir)).not.toBe(recorded);
    rmSync(join(dir, 'emit/sdk.js'));
    expect(buildIdOf(dir)).not.toBe(recorded);
    expect(added).toBe(hashedWith(dir, 'emit/extra.js', 'extra();\n'));
  });

  it('hashes the code again when a code file is newer than the record (edited in place, built by tsc alone)', () => {
    const dir = codeDir();
    const before = buildIdOf(dir);
    writeBuildId(dir);
    writeFileSync(join(dir, 'emit/sdk.js'), 'emit(2);\n');
    // File times tick coarsely (a few ms): the edit is dated a second later.
    const later = Date.now() / 1000 + 1;
    utimesSync(join(dir, 'emit/sdk.js'), later, later);
    const edited = buildIdOf(dir);
    expect(edited).not.toBe(before);
    rmSync(join(dir, BUILD_ID_FILE));
    expect(buildIdOf(dir)).toBe(edited);
  });

  it('ignores declarations, and a record that is not JSON or has no code hash', () => {
    const dir = codeDir();
    const before = buildIdOf(dir);
    writeFileSync(join(dir, 'cli.d.ts'), 'export declare const x: 1;\n');
    expect(buildIdOf(dir)).toBe(before);
    for (const record of ['{not json', '{"code":42,"files":[["/cli.js",7],["/emit/sdk.js",8]]}', '{"code":"x","files":[["/cli.js",7],["/emit/sdk.js",9]]}', '{"code":"x","files":["/cli.js","/emit/sdk.js"]}', '{"code":"x"}', '[]']) {
      writeFileSync(join(dir, BUILD_ID_FILE), record);
      expect(buildIdOf(dir)).toBe(before);
    }
  });

  it('changes with the templates and the SDK runtime shipped beside the code', () => {
    const dir = codeDir();
    const root = mkdtempSync(join(tmpdir(), 'docsdk-build-root-'));
    dirs.push(root);
    const ids = [buildIdOf(dir, root)];
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'templates', 'client.ts.hbs'), '{{name}}\n');
    ids.push(buildIdOf(dir, root));
    mkdirSync(join(root, 'generator', 'emit', 'runtime'), { recursive: true });
    writeFileSync(join(root, 'generator', 'emit', 'runtime', 'runtime.ts'), 'export {};\n');
    ids.push(buildIdOf(dir, root));
    expect(new Set(ids).size).toBe(3);
  });

  it("changes with the installed version of a dependency, found in a node_modules above the package's own", () => {
    const dir = codeDir();
    const project = mkdtempSync(join(tmpdir(), 'docsdk-build-project-'));
    dirs.push(project);
    // docsdk installed in a project, its dependency hoisted to the project's node_modules.
    const root = join(project, 'node_modules', 'docsdk');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '0.1.0', dependencies: { 'markdown-it': '15.0.3' } }));
    const install = (version: string) => {
      mkdirSync(join(project, 'node_modules', 'markdown-it'), { recursive: true });
      writeFileSync(join(project, 'node_modules', 'markdown-it', 'package.json'), JSON.stringify({ version }));
    };
    const missing = buildIdOf(dir, root);
    install('15.0.3');
    const installed = buildIdOf(dir, root);
    expect(buildIdOf(dir, root)).toBe(installed);
    install('15.0.4');
    expect(new Set([missing, installed, buildIdOf(dir, root)]).size).toBe(3);
  });

  it('is recorded by the build last, for the bundled code as it is (dist/cli): the record stands', () => {
    const dist = join(packageRoot, 'dist', 'cli');
    const recorded = JSON.parse(readFileSync(join(dist, BUILD_ID_FILE), 'utf8')).code;
    expect(recorded).toBe(hashCode(dist));
    // In a copy with the build's times, a forged record changes the id only if the record stands (no code file newer, the same files).
    const copy = mkdtempSync(join(tmpdir(), 'docsdk-build-dist-'));
    dirs.push(copy);
    cpSync(dist, copy, { recursive: true, preserveTimestamps: true });
    const real = buildIdOf(copy);
    const record = join(copy, BUILD_ID_FILE);
    const { atime, mtime } = statSync(record);
    writeFileSync(record, readFileSync(record, 'utf8').replace(recorded, 'forged'));
    utimesSync(record, atime, mtime);
    expect(buildIdOf(copy)).not.toBe(real);
  });
});
