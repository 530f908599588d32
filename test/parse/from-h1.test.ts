// An HTML page that only GenAuth's reader may take is decoded from its first `<h1>` on, not
// whole (page.ts readFromFirstH1): the reading must be the one of the whole text, and every
// page the whole text would warn about, refuse or give another profile must still be decoded
// whole. The oracle below is the whole-text path.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrom, decodePage, isCleanUtf8 } from '../../generator/parse/decode.js';
import { parsePage, parsePageWith, readFromFirstH1, type PageResult } from '../../generator/parse/page.js';
import { detectProfile, PROFILES } from '../../generator/parse/profiles/index.js';
import { pageFormat, type PageFile } from '../../generator/read/page-file.js';
import { fixturePage, fixturesDir, textPage } from '../helpers/pages.js';

/** What parsePage read before: the whole page decoded, its profile detected from the text. */
function wholeTextReading(page: PageFile): PageResult {
  const decoded = decodePage(page.bytes);
  if ('problem' in decoded) throw new Error(decoded.problem);
  const input = { file: page.rel, text: decoded.text, format: pageFormat(page.rel) };
  const result = detectProfile(input).read(input);
  if (decoded.warning) result.diagnostics.unshift({ severity: 'warning', code: 'page.encoding', message: decoded.warning, file: page.rel, section: 'page' });
  return result;
}

const htmlFixtures = (readdirSync(fixturesDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.html'))
  .sort();

const PAGE = fixturePage('zh', 'vitepress', 'management/管理用户/get-user-groups');
const text = PAGE.bytes.toString();
const h1 = text.indexOf('<h1');
/** The page with `head` put before its first `<h1>`, as bytes. */
const withHead = (head: string | Buffer) => Buffer.concat([Buffer.from(text.slice(0, h1)), Buffer.from(head), Buffer.from(text.slice(h1))]);

describe('an HTML page read from its first <h1>', () => {
  it('is every GenAuth HTML page of the fixtures, and no Widdershins page (by counts: the test below holds the reading to the whole text)', () => {
    const taken = (rel: string) => readFromFirstH1(rel, readFileSync(path.join(fixturesDir, rel)), {}) !== undefined;
    const genauth = htmlFixtures.filter((rel) => rel.startsWith('corpus/'));
    const widdershins = htmlFixtures.filter((rel) => rel.startsWith('widdershins/'));
    expect([genauth.length > 20, widdershins.length > 0]).toEqual([true, true]);
    expect(genauth.filter((rel) => !taken(rel))).toEqual([]);
    expect(widdershins.filter(taken)).toEqual([]);
  });

  it('reads every HTML fixture as its whole text does', () => {
    expect(htmlFixtures.length).toBeGreaterThan(40);
    for (const rel of htmlFixtures) {
      const page = { abs: path.join(fixturesDir, rel), rel, bytes: readFileSync(path.join(fixturesDir, rel)) };
      expect(parsePage(page), rel).toEqual(wholeTextReading(page));
    }
  });

  it.each([
    ['an <h1 in a comment before it', '<!-- <h1 class="old"> -->'],
    ['a tag that only starts like it', '<h1x>a</h1x>'],
    ['an upper-case H1 before it', '<H1>Site</H1>'],
    ['an h1 whose name ends in an ideographic space', '<h1\u3000>站点</h1>'],
    ['the word meaning in the chrome (Widdershins then reads the text to tell)', '<nav>STATUS | MEANING</nav>'],
    ['a U+FEFF and a U+FFFD written in the chrome', '<nav>\ufeff\ufffd</nav>'],
    ['a NUL byte after its first 4 KiB', '<nav>\u0000</nav>'],
    ['bytes that are not UTF-8 in the chrome (the page warning stays)', Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x70, 0x3e])],
  ])('with %s, reads as the whole text', (_name, head) => {
    const page = textPage('get-user-groups.html', withHead(head));
    expect(parsePage(page)).toEqual(wholeTextReading(page));
  });

  it('keeps the encoding warning of a byte that is not UTF-8 before the <h1>', () => {
    const result = parsePage(textPage('get-user-groups.html', withHead(Buffer.from([0xff]))));
    expect(result.diagnostics[0]).toMatchObject({ code: 'page.encoding', section: 'page' });
    expect(result.operation?.name).toBe('getUserGroups');
  });

  it('reads a page with a BOM, with no <h1> (the body then), and with the GenAuth profile named, as the whole text', () => {
    const pages = [
      textPage('bom.html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), PAGE.bytes])),
      textPage('no-h1.html', text.replace(/<(\/?)h1/g, '<$1h2')),
      textPage('only-h1x.html', text.replace(/<(\/?)h1/g, '<$1h1x')),
      textPage('start.html', text.slice(h1)),
    ];
    for (const page of pages) expect(parsePage(page), page.rel).toEqual(wholeTextReading(page));
    expect(parsePageWith(PAGE, { profile: 'genauth' })).toEqual(wholeTextReading(PAGE));
  });
});

describe('telling a page by its bytes', () => {
  const pages = (readdirSync(fixturesDir, { recursive: true }) as string[]).filter((f) => /\.(html|md)$/.test(f)).sort();

  it('a profile that may not detect a page by its bytes does not detect it by its text', () => {
    let detected = 0;
    for (const rel of pages) {
      const bytes = readFileSync(path.join(fixturesDir, rel));
      if (!isCleanUtf8(bytes)) continue;
      const input = { file: rel, text: (decodePage(bytes) as { text: string }).text, format: pageFormat(rel) };
      for (const profile of PROFILES) {
        if (profile.mayDetect === undefined || profile.detect(input) === 0) continue;
        detected++;
        expect(profile.mayDetect(bytes), `${profile.name}: ${rel}`).toBe(true);
      }
    }
    expect(detected).toBeGreaterThanOrEqual(3);
  });

  it('the generator comment is looked for in the bytes of as many characters as the text is searched in, whatever their width', () => {
    const widdershins = PROFILES.find((p) => p.name === 'widdershins')!;
    const mark = '<!-- Generator: Widdershins v4.0.1 -->';
    const bytes = Buffer.from('\ufeff\ufeff' + '汉'.repeat(8192 - mark.length) + mark);
    expect((decodePage(bytes) as { text: string }).text.slice(0, 8192).endsWith(mark)).toBe(true);
    expect(widdershins.mayDetect!(bytes)).toBe(true);
  });

  it('Widdershins is told by the status header in any case, with no generator comment', () => {
    const html = readFileSync(`${fixturesDir}/widdershins/html/rbaskets.in/index.html`, 'utf8')
      .replace(/<!-- Generator: Widdershins[^>]*-->/g, '')
      .replace(/<th>Status<\/th>\s*<th>Meaning<\/th>\s*<th>Description<\/th>/g, '<th>STATUS</th><th>MeAnInG</th><th>DESCRIPTION</th>');
    expect(html).toContain('MeAnInG');
    const result = parsePage(textPage('index.html', html));
    expect(result.operations?.length).toBe(11);
  });
});

describe('decoding a part of a page', () => {
  it('is clean UTF-8 only where decodePage reads the page as UTF-8 with no warning and no problem, to the same text', () => {
    const long = 'x'.repeat(5000);
    const cases = [
      '', '\ufeff<p>a</p>', '<p>\u{1f600} 汉字</p>', `<p>${long}</p>`, '<p>\ufffd</p>', `<p>${long}\ufffd</p>`, '<p>\u0000</p>',
      Buffer.from([0xff, 0xfe, 0x3c, 0x00]), Buffer.from([0xfe, 0xff, 0x00, 0x3c]),
      Buffer.from([0x3c, 0xc0, 0x80]), Buffer.from([0x3c, 0xed, 0xa0, 0x80]), Buffer.from([0x3c, 0xf4, 0x90, 0x80, 0x80]),
      Buffer.from([0x3c, 0xe7, 0x8a]), Buffer.from([0x3c, 0x80]), Buffer.concat([Buffer.from(long), Buffer.from([0xff])]), Buffer.from([0x3c, 0xf0, 0x9f, 0x98, 0x80]),
      // A U+FFFD after the characters decodePage samples for them.
      `<p>${'汉'.repeat(4100)}\ufffd</p>`, `<p>${'x'.repeat(16400)}\ufffd</p>`,
    ].map((c) => Buffer.from(c));
    expect(cases.map(isCleanUtf8)).toEqual([false, true, true, true, false, false, false, false, false, false, false, false, false, false, false, true, false, true]);
    for (const bytes of cases.filter(isCleanUtf8)) expect(decodePage(bytes)).toEqual({ text: decodeFrom(bytes, 0) });
  });

  it('gives the text from any character on as decodePage does, BOMs and U+FEFF included', () => {
    const page = '\ufeff\ufeff<p>a\ufeffé汉\u{1f600}</p>';
    const bytes = Buffer.from(page);
    const whole = (decodePage(bytes) as { text: string }).text;
    expect(decodeFrom(bytes, 0)).toBe(whole);
    // From each character after the two BOMs decodePage drops.
    for (let at = 6, char = 2; at < bytes.length; char++) {
      expect(decodeFrom(bytes, at), `byte ${at}`).toBe(whole.slice(whole.length - page.slice(char).length));
      const n = Buffer.byteLength(String.fromCodePoint(page.codePointAt(char)!));
      at += n;
      if (n === 4) char++;
    }
    expect(decodeFrom(Buffer.from('<p>a</p>\n  \n'), 8)).toBeUndefined();
  });
});
