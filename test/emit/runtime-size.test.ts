// The runtime every SDK ships stays small: measured as npm run bench reports it (minified).
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';

test('the minified runtime is under 12 KB, and it has no import of any kind', async () => {
  const size = JSON.parse(execFileSync(process.execPath, ['bench/runtime-size.mjs'], { encoding: 'utf8' }));
  expect(size.budgetBytes).toBe(12 * 1024);
  expect(size.minifiedBytes).toBeGreaterThan(0);
  expect(size.minifiedBytes).toBeLessThan(size.budgetBytes);
  const source = await readFile('generator/emit/runtime/runtime.ts', 'utf8');
  // Fetch only: no module, no Node built-in (process, Buffer, require) in the runtime.
  expect(source).not.toMatch(/^\s*import\b|\brequire\(|\bimport\(|\bprocess\.|\bBuffer\b|node:/m);
});
