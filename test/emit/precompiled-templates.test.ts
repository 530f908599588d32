// The default templates as compiled by the build (npm test builds first): used only for the
// very text and Handlebars version they were compiled from, and equal to compiling it now.
import Handlebars from 'handlebars';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const built: typeof import('../../generator/emit/precompiled-templates.js') = await import(join(repoRoot, 'dist/generator/emit/precompiled-templates.js'));
const templatesDir = join(repoRoot, 'templates');
const names = (await readdir(templatesDir)).filter((name) => name.endsWith('.hbs')).sort();

describe('precompiled templates', () => {
  test('every default template has the spec compiling its text gives now', async () => {
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) {
      const text = await readFile(join(templatesDir, name), 'utf8');
      expect(built.precompiledSpec(name, text), name).toBe(Handlebars.precompile(text, built.COMPILE_OPTIONS));
    }
  });

  test('a template whose text differs by one character, or that the build never saw, has none', async () => {
    const text = await readFile(join(templatesDir, 'client.ts.hbs'), 'utf8');
    expect(built.precompiledSpec('client.ts.hbs', text + ' ')).toBeUndefined();
    expect(built.precompiledSpec('model.ts.hbs', text)).toBeUndefined();
    expect(built.precompiledSpec('extra.hbs', text)).toBeUndefined();
  });
});
