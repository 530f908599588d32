import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, progressMode } from '../../generator/workflow/progress.js';

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream, text: () => text };
}

describe('progress', () => {
  it('is a bar on a terminal, plain lines elsewhere, nothing for the JSON reporter', () => {
    expect(progressMode(capture(true).stream as never, 'text')).toBe('bar');
    expect(progressMode(capture(false).stream as never, 'text')).toBe('lines');
    expect(progressMode(capture(true).stream as never, 'json')).toBe('none');
  });

  it('prints one line per stage, none per page, when not on a terminal', () => {
    const out = capture(false);
    const progress = createProgress('lines', out.stream);
    progress.stage('parsing', 3);
    progress.tick();
    progress.tick();
    progress.stage('generating');
    progress.done();
    expect(out.text()).toBe('docsdk: parsing 3 pages\ndocsdk: generating\n');
  });

  it('draws a bar counting pages on a terminal and clears it when done', () => {
    const out = capture(true);
    const progress = createProgress('bar', out.stream);
    progress.stage('parsing', 2);
    progress.tick();
    progress.tick();
    progress.done();
    expect(out.text()).toContain('docsdk: parsing [');
    expect(out.text()).toContain('] 2/2');
  });
});
