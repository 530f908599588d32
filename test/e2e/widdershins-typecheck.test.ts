// The SDK generated from the Widdershins fixture pages (three layouts, compositions, form
// bodies, nullable fields), written to disk and compiled with tsc --strict, and deterministic.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk.js';
import { loadModel } from '../../generator/pipeline.js';
import { writeOutput } from '../../generator/write/atomic.js';
import { repoRoot } from '../helpers/cli.js';

const PAGES = ['markdown/twilio.com__twilio_messaging_v1', 'markdown-zh/mailscript.com'].map((p) => join(repoRoot, 'test/fixtures/widdershins', p));
const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');

let parent: string | undefined;
afterAll(() => (parent ? rm(parent, { recursive: true, force: true }) : undefined));

test('the SDK of Widdershins pages compiles with tsc --strict, the same bytes each run', async () => {
  const { model } = await loadModel(PAGES);
  expect(model.clients.flatMap((c) => c.operations).length).toBe(50 + 38);
  const sdk = await emitSdk(model, { typeCheck: false });
  parent = await mkdtemp(join(tmpdir(), 'docsdk-widdershins-sdk-'));
  await writeOutput(join(parent, 'sdk'), sdk.files);
  const run = spawnSync(process.execPath, [TSC, '-p', join(parent, 'sdk', 'tsconfig.json'), '--noEmit', '--strict'], { encoding: 'utf8' });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
  const again = await emitSdk((await loadModel(PAGES)).model, { typeCheck: false });
  expect([...again.files]).toEqual([...sdk.files]);
});
