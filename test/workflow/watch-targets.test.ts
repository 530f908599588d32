// `generate --watch` reruns on everything a run reads: pages, the config, the evidence file
// (even before either exists), HAR captures and templates.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWatchTargets } from '../../generator/workflow/watch.js';

describe('generateWatchTargets', () => {
  it('watches the pages, the config and evidence files (default names), captures and templates', async () => {
    expect(await generateWatchTargets({ inputs: ['docs/**/*.md'], evidence: ['calls.har'], templates: 'tpl' }, { basePath: '/api/v3/' })).toEqual(
      [resolve('docs'), resolve('docsdk.config.json'), resolve('docsdk.evidence.json'), resolve('calls.har'), resolve('tpl')].sort(),
    );
  });

  it("takes the inputs, the evidence file and the templates from the config when the flags don't name them", async () => {
    const config = { basePath: '/api/v3/', inputs: ['pages'], evidenceFile: 'evidence/probe.json', templates: 'templates' };
    expect(await generateWatchTargets({ config: 'ci/docsdk.config.json' }, config)).toEqual(
      [resolve('pages'), resolve('ci/docsdk.config.json'), resolve('evidence/probe.json'), resolve('templates')].sort(),
    );
  });
});
