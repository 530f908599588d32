import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageFile } from '../../generator/read/page-file.js';
import { parsePage, type PageResult } from '../../generator/parse/page.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const corpusDir = path.join(fixturesDir, 'corpus');

/** A fixture page as the reader would hand it over, `rel` measured from its flavor folder. */
export function fixturePage(lang: 'zh' | 'en', flavor: string, page: string): PageFile {
  const ext = flavor === 'markdown' ? '.md' : '.html';
  const abs = path.join(corpusDir, lang, flavor, page + ext);
  return { abs, rel: page + ext, bytes: readFileSync(abs) };
}

export function parseFixture(lang: 'zh' | 'en', flavor: string, page: string): PageResult {
  return parsePage(fixturePage(lang, flavor, page));
}

/** A page made from text, for crafted inputs. */
export function textPage(rel: string, text: string | Buffer): PageFile {
  return { abs: '/virtual/' + rel, rel, bytes: Buffer.isBuffer(text) ? text : Buffer.from(text) };
}

export const FLAVORS = ['vitepress', 'vitepress-mangled', 'fragment', 'markdown'] as const;
