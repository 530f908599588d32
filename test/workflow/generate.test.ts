// The release workflow through the real CLI (built): --check, incremental runs, the diff
// against the previous run, --fail-on, --reporter json, config files and --watch.
import { spawn } from 'node:child_process';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, runCli } from '../helpers/cli.js';
import { readFolder } from '../../generator/workflow/output-files.js';
import { editPage, EDITS, generate, GET_USER_ROLES, project, workflowFixtures } from '../support/workflow-pages.js';

describe('docsdk generate --check', () => {
  it('exits 0 on fresh output, from the cache and from a clean comparison', async () => {
    const dir = await project();
    expect(generate(dir).code).toBe(0);
    const cached = generate(dir, '--check');
    expect([cached.code, cached.stdout]).toEqual([0, '']);
    const clean = generate(dir, '--check', '--no-cache');
    expect([clean.code, clean.stdout]).toEqual([0, '']);
    expect(clean.stderr).toMatch(/sdk is up to date/);
  });

  it('exits 1 after one page changed, listing the files that would change, and writes nothing', async () => {
    const dir = await project();
    generate(dir);
    const before = await readFolder(join(dir, 'sdk'));
    await editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.removeParameter.from, EDITS.removeParameter.to);
    const r = generate(dir, '--check');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('modified docsdk-model.json\nmodified openapi.json\nmodified src/ManagementClient.ts\n');
    expect(r.stderr).toMatch(/sdk is stale: 3 files would change/);
    expect(await readFolder(join(dir, 'sdk'))).toEqual(before);
  });

  it('exits 1 when a generated file was edited by hand', async () => {
    const dir = await project();
    generate(dir);
    await writeFile(join(dir, 'sdk/README.md'), 'edited\n');
    const r = generate(dir, '--check');
    expect([r.code, r.stdout]).toEqual([1, 'modified README.md\n']);
  });
});

describe('incremental generate', () => {
  it('after touching one page equals a clean run byte for byte, parsing only that page', async () => {
    const incremental = await project();
    expect(generate(incremental).code).toBe(0);
    await editPage(join(incremental, 'pages'), GET_USER_ROLES, EDITS.addEnumValue.from, EDITS.addEnumValue.to);
    const r = generate(incremental);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/; 1 parsed, 4 cached;/);

    const clean = await project();
    await editPage(join(clean, 'pages'), GET_USER_ROLES, EDITS.addEnumValue.from, EDITS.addEnumValue.to);
    expect(generate(clean, '--no-cache').code).toBe(0);

    const [a, b] = [await readFolder(join(incremental, 'sdk')), await readFolder(join(clean, 'sdk'))];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
  });

  it('says so and stops early when nothing changed', async () => {
    const dir = await project();
    generate(dir);
    const r = generate(dir, '--reporter', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ outcome: 'unchanged', replayed: true, pages: 5, parsed: 0, counts: { operations: 5, structures: 16 } });
    expect(generate(dir).stderr).toMatch(
      /^docsdk: 5 pages, 5 operations, 16 structures, 0 errors, 0 warnings, 0 notes in \d+ ms; verbs: 0 verified, 5 inferred, 0 configured; paths: 0 verified, 5 inferred, 0 configured; nothing changed since the last run; sdk is up to date\n$/,
    );
  });

  it('runs again when the config changes', async () => {
    const dir = await project();
    generate(dir);
    await writeFile(join(dir, 'docsdk.config.json'), JSON.stringify({ operations: { getUserRoles: { verb: 'POST' } } }));
    const r = generate(dir);
    // A verb override moves getUserRoles' parameters from the query to the body: the SDK, README, OpenAPI and model change.
    expect(r.stderr).toMatch(/; 0 parsed, 5 cached; API change: major; 4 files changed in sdk/);
  });
});

describe('generate: public-API changes since the last run', () => {
  it('prints them as Markdown on stdout and keeps the model for the next run', async () => {
    const dir = await project();
    generate(dir);
    await editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.changeDescription.from, EDITS.changeDescription.to);
    const r = generate(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Semver bump: **patch**\n\n### Documentation\n\n- `ManagementClient.getUserRoles(namespace)`: description changed\n');
    const kept = JSON.parse(await readFile(join(dir, 'sdk/docsdk-model.json'), 'utf8'));
    expect(kept.clients[1].operations.find((o: { name: string }) => o.name === 'getUserRoles').params[2].description).toBe('权限分组（权限空间）的 Code');
  });

  it('--fail-on breaking exits 1 and writes nothing on a breaking change, so a rerun still fails', async () => {
    const dir = await project();
    generate(dir);
    const before = await readFolder(join(dir, 'sdk'));
    await editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.makeOptionalRequired.from, EDITS.makeOptionalRequired.to);
    for (let run = 0; run < 2; run++) {
      const r = generate(dir, '--fail-on', 'breaking');
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('`ManagementClient.getUserRoles(namespace)`: became required');
      expect(r.stderr).toContain('public API changes at level "breaking" or above (--fail-on): nothing written');
    }
    expect(await readFolder(join(dir, 'sdk'))).toEqual(before);
  });

  it('--fail-on breaking lets a feature through', async () => {
    const dir = await project();
    generate(dir);
    await editPage(join(dir, 'pages'), GET_USER_ROLES, EDITS.addEnumValue.from, EDITS.addEnumValue.to);
    expect(generate(dir, '--fail-on', 'breaking').code).toBe(0);
  });
});

describe('generate: reporting', () => {
  it('prints plain stage lines and a summary on stderr when not on a terminal', async () => {
    const r = generate(await project(), '--no-cache');
    expect(r.stderr).toMatch(
      /^docsdk: parsing 5 pages\ndocsdk: generating\ndocsdk: 5 pages, 5 operations, 16 structures, 0 errors, 0 warnings, 0 notes in \d+ ms; verbs: 0 verified, 5 inferred, 0 configured; paths: 0 verified, 5 inferred, 0 configured; 5 parsed, 0 cached; 25 files changed in sdk\n$/,
    );
  });

  it('--reporter json prints one JSON report on stdout and no progress', async () => {
    const r = generate(await project(), '--reporter', 'json');
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      outcome: 'written',
      out: 'sdk',
      pages: 5,
      parsed: 5,
      counts: { operations: 5, structures: 16, errors: 0, warnings: 0 },
    });
    expect(report.files).toContainEqual({ path: 'docsdk-model.json', change: 'added' });
  });
});

describe('generate with docsdk.config.json', () => {
  it('takes inputs and out from the config file', async () => {
    const dir = await project();
    await writeFile(join(dir, 'docsdk.config.json'), JSON.stringify({ inputs: ['pages'], out: 'generated', clients: { ManagementClient: 'Management' } }));
    const r = runCli(['generate'], dir);
    expect(r.code).toBe(0);
    expect((await readFolder(join(dir, 'generated'))).has('src/Management.ts')).toBe(true);
  });

  it('reports config errors with the offending key and exits 2', async () => {
    const dir = await project();
    await writeFile(join(dir, 'docsdk.config.json'), JSON.stringify({ inputs: ['pages'], ouput: 'sdk', operations: { getUserRoles: { verbb: 'GET' } } }));
    const r = runCli(['generate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        '^docsdk.config.json: ouput: error: unknown key; did you mean "out"\\?\n' +
          'docsdk.config.json: operations.getUserRoles.verbb: error: unknown key; did you mean "verb"\\?\n' +
          'docsdk generate: the config has errors: nothing done\n' +
          'docsdk: 0 pages in \\d+ ms; nothing done\n$',
      ),
    );
    expect(await readFolder(join(dir, 'sdk'))).toEqual(new Map());
  });

  it('warns about overrides that match nothing, naming the key', async () => {
    const dir = await project();
    await writeFile(join(dir, 'docsdk.config.json'), JSON.stringify({ fields: { 'RoleDto.colour': { required: true } } }));
    const r = generate(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('docsdk.config.json: fields["RoleDto.colour"]: warning: fields["RoleDto.colour"] matches nothing: RoleDto has no field colour');
  });
});

describe('generate --watch', () => {
  it('regenerates after a rename-save, a new page, a deleted page and a config created after the start', async () => {
    const dir = await project();
    const child = spawn(process.execPath, [cliPath, 'generate', 'pages', '--out', 'sdk', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const summaries = () => stderr.split('\n').filter((l) => / in sdk$/.test(l));
    /** Waits for the event (a line on stderr), not for a time: the cap only stops a hung watcher. */
    const waitFor = (done: () => boolean, what: string) =>
      new Promise<void>((resolve, reject) => {
        const cap = setTimeout(() => reject(new Error(`no ${what}; stderr:\n${stderr}`)), 250_000);
        const poll = setInterval(() => {
          if (!done()) return;
          clearInterval(poll);
          clearTimeout(cap);
          resolve();
        }, 20);
      });
    const nextRun = async (change: () => Promise<void>) => {
      const n = summaries().length;
      await change();
      await waitFor(() => summaries().length > n, `run ${n + 1}`);
      return summaries()[n];
    };
    const pages = join(dir, 'pages');
    const added = join(pages, 'management/管理用户/get-user.md');
    try {
      await waitFor(() => /docsdk: watching \d+ paths/.test(stderr), 'watcher ready');
      expect(summaries()).toEqual([expect.stringMatching(/; 5 parsed, 0 cached; 25 files changed in sdk$/)]);

      // An editor's save: the new text goes to a temp file, renamed over the page.
      const page = join(pages, GET_USER_ROLES);
      const edited = (await readFile(page, 'utf8')).replace(EDITS.removeParameter.from, EDITS.removeParameter.to);
      expect(await nextRun(async () => {
        await writeFile(`${page}.swp`, edited);
        await rename(`${page}.swp`, page);
      })).toMatch(/; 1 parsed, 4 cached; API change: major; 3 files changed in sdk$/);

      expect(await nextRun(() => cp(join(workflowFixtures, '../corpus/zh/markdown/management/管理用户/get-user.md'), added))).toMatch(
        /^docsdk: 6 pages, 6 operations, .*; 1 parsed, 5 cached; API change: minor; \d+ files changed in sdk$/,
      );
      expect(await nextRun(() => rm(added))).toMatch(/^docsdk: 5 pages, 5 operations, .*; 0 parsed, 5 cached; API change: major; \d+ files changed in sdk$/);
      expect(
        await nextRun(() => writeFile(join(dir, 'docsdk.config.json'), JSON.stringify({ operations: { getUserRoles: { verb: 'POST' } } }))),
      ).toMatch(/; 0 parsed, 5 cached; API change: major; 4 files changed in sdk$/);
    } finally {
      child.kill('SIGINT');
    }
  });
});
