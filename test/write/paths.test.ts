// Output paths are checked once, in one pass, and then joined without being resolved again:
// a path the check accepts must land where path.resolve puts it, inside the folder, and the
// pass must refuse every case clash however the paths share folders.
import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPortableFileName, pathUnder, PortablePaths, resolveInside } from '../../generator/write/paths.js';

const accepts = (paths: string[]) => {
  try {
    new PortablePaths().add(paths);
    return true;
  } catch {
    return false;
  }
};

describe('PortablePaths', () => {
  it('refuses a case clash between files, folders, and a file and a folder, whichever comes first', () => {
    for (const paths of [
      ['src/models/A.ts', 'src/models/a.ts'],
      ['src/models/A.ts', 'src/Models/B.ts'],
      ['src/Models/B.ts', 'src/models/A.ts', 'src/models/C.ts'],
      ['src/x', 'src/X/y.ts'],
      ['src/X/y.ts', 'src/x'],
      ['Src/a.ts', 'src/models/b.ts'],
      ['src/caf\u00e9.ts', 'src/cafe\u0301.ts'],
    ]) {
      expect(accepts(paths), paths.join(' ')).toBe(false);
      expect(accepts([...paths].reverse()), paths.join(' ')).toBe(false);
    }
    // The control: the same names apart, and a path given twice, pass.
    expect(accepts(['src/models/A.ts', 'src/models/B.ts', 'src/models/A.ts', 'src/index.ts', 'README.md'])).toBe(true);
  });

  it('checks paths added later against those added before', () => {
    const checked = new PortablePaths();
    checked.add(['src/models/A.ts', 'openapi.json']);
    expect(() => checked.add(['src/Models/Z.json'])).toThrow(/case-insensitive/);
    expect(() => checked.add(['OpenAPI.json'])).toThrow(/case-insensitive/);
    expect(() => checked.add(['docs/../x.json'])).toThrow(/portable/);
    expect(() => checked.add(['docs/model.json'])).not.toThrow();
  });

  it('refuses every unsafe path resolveInside refuses, and joins the others where path.resolve puts them', () => {
    const dir = resolve('/tmp/docsdk-out');
    const segments = ['a', 'B.ts', '..', '.', '', 'CON', 'com1.ts', 'x.', 'y ', 'a:b', 'a\\b', 'é', '中文.ts', 'x'.repeat(255), 'é'.repeat(128), '\u0000', 'models'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      const path = Array.from({ length: 1 + (next() % 4) }, () => segments[next() % segments.length]).join('/');
      const viaResolve = (() => {
        try {
          return resolveInside(dir, path);
        } catch {
          return undefined;
        }
      })();
      expect(accepts([path]), JSON.stringify(path)).toBe(viaResolve !== undefined);
      if (viaResolve !== undefined) {
        expect(pathUnder(dir, path)).toBe(viaResolve);
        expect(pathUnder(dir, path).startsWith(dir + sep)).toBe(true);
      }
    }
    expect(['/etc/passwd', 'C:/x.ts', '\\\\server\\x', 'a//b'].some((path) => accepts([path]))).toBe(false);
    expect(isPortableFileName('é'.repeat(127))).toBe(true);
    expect(isPortableFileName('é'.repeat(128))).toBe(false);
  });
});
