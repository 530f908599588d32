// The built-in globals a type or class of the SDK may not be named after are exactly those
// the ECMAScript 2022 lib of the SDK's TypeScript declares.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ECMASCRIPT_GLOBALS } from '../../generator/emit/global-names.js';

test('ECMASCRIPT_GLOBALS lists every global of lib.es5 … lib.es2022 and the decorator libs', () => {
  const libDir = path.dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.es5.d.ts'));
  const files = readdirSync(libDir).filter((f) => /^lib\.(es5|es20(1[5-9]|2[0-2])(\.[a-z]+)?|decorators(\.legacy)?)\.d\.ts$/.test(f));
  expect(files.length).toBeGreaterThan(50);
  const declared = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(libDir, file), 'utf8');
    for (const m of text.matchAll(/^(?:declare )?(?:interface|type|var|const|let|function|class|namespace) ([A-Za-z_$][\w$]*)/gm)) declared.add(m[1]);
  }
  expect([...ECMASCRIPT_GLOBALS].sort()).toEqual([...declared].sort());
  for (const name of ['Promise', 'Record', 'Object', 'Array', 'Partial', 'Awaited', 'JSON', 'eval']) expect(ECMASCRIPT_GLOBALS).toContain(name);
});
