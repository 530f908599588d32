// Every form `docsdk diff` accepts — doc pages, a model file, an output folder, an
// openapi.json (docsdk's, and one of an older docsdk without x-docsdk-name) — read back as
// the same public API when it describes the same model, in every pair and both directions;
// and a real change reads the same whichever forms the two sides are in.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/changes.js';
import { loadSide } from '../../generator/diff/load-side.js';
import { MODEL_FILE_NAME } from '../../generator/diff/model-file.js';
import { toOpenApi } from '../../generator/openapi/export.js';
import { loadModel } from '../../generator/pipeline.js';
import { editPage, EDITS, GET_USER_ROLES, workflowFixtures } from '../support/workflow-pages.js';

const corpus = join(workflowFixtures, '../corpus/zh/markdown');
// Two clients with a getAuthorizedResources each: the OpenAPI export disambiguates one operationId.
const COLLIDING = ['management/管理资源与权限/get-authorized-resources.md', 'authentication/用户相关资源/get-my-authorized-resources.md'];

let work: string;

/** The pages, and each other form written from the model they give: side name -> path. */
async function forms(name: string, edit?: { from: string; to: string }): Promise<Record<string, string>> {
  const dir = join(work, name);
  const pages = join(dir, 'pages');
  await cp(join(workflowFixtures, 'markdown'), pages, { recursive: true });
  for (const rel of COLLIDING) await cp(join(corpus, rel), join(pages, rel));
  if (edit) await editPage(pages, GET_USER_ROLES, edit.from, edit.to);
  const { model } = await loadModel([pages]);
  const openapi = toOpenApi(model);
  const legacy = structuredClone(openapi);
  for (const item of Object.values(legacy.paths as Record<string, Record<string, Record<string, unknown>>>))
    for (const op of Object.values(item)) delete op['x-docsdk-name'];
  await mkdir(join(dir, 'out'));
  const json = (data: unknown) => JSON.stringify(data, null, 2) + '\n';
  await writeFile(join(dir, 'out', MODEL_FILE_NAME), json(model));
  await writeFile(join(dir, 'out', 'openapi.json'), json(openapi));
  await writeFile(join(dir, 'model.json'), json(model));
  await writeFile(join(dir, 'legacy-openapi.json'), json(legacy));
  return {
    pages,
    'model.json': join(dir, 'model.json'),
    'output folder': join(dir, 'out'),
    'openapi.json': join(dir, 'out', 'openapi.json'),
    'openapi.json without x-docsdk-name': join(dir, 'legacy-openapi.json'),
  };
}

const changesOf = async (a: string, b: string) => diffModels(await loadSide(a), await loadSide(b)).changes.map((c) => `${c.level} ${c.code} ${c.location}`);

let before: Record<string, string>;
let after: Record<string, string>;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'docsdk-forms-'));
  [before, after] = await Promise.all([forms('before'), forms('after', EDITS.removeParameter)]);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('diff between forms of the same model', () => {
  it('the OpenAPI export really has a disambiguated operationId', async () => {
    const openapi = JSON.parse(await (await import('node:fs/promises')).readFile(before['openapi.json'], 'utf8'));
    const ids = Object.values(openapi.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) => Object.values(item).map((op) => op.operationId));
    const colliding = ids.filter((id) => id.endsWith('getAuthorizedResources')).sort();
    expect(colliding).toHaveLength(2);
    expect(colliding).toContain('getAuthorizedResources');
    expect(colliding.find((id) => id !== 'getAuthorizedResources')).toMatch(/^(Authentication|Management)Client_getAuthorizedResources$/);
  });

  it('every pair, both ways, compares equal', async () => {
    const names = Object.keys(before);
    const found: Record<string, string[]> = {};
    for (const a of names) for (const b of names) if (a !== b) found[`${a} -> ${b}`] = await changesOf(before[a], before[b]);
    expect(Object.keys(found)).toHaveLength(names.length * (names.length - 1));
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((pair) => [pair, []])));
  });

  it('a removed parameter reads the same from every pair of forms', async () => {
    const names = Object.keys(before);
    const found: Record<string, string[]> = {};
    for (const a of names) for (const b of names) found[`${a} -> ${b}`] = await changesOf(before[a], after[b]);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((pair) => [pair, ['breaking param.removed ManagementClient.getUserRoles(namespace)']])));
  });
});
