// Start-up loads what the command's path needs, nothing more: `--version` and `--help` no
// command's implementation, no run yargs' help renderer but `--help`, a replayed generate run
// no parser, emitter or compiler, a run of HTML pages no Markdown renderer. Counted by the
// modules the built CLI really loads (a loader hook and require.cache,
// test/support/record-modules.mjs), never by time: the files of the CLI bundle it loads, each
// read as the modules the build put in it (dist/cli-modules.json), and the packages it
// requires from node_modules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../generator/commands/diff-command.js';
import { generateCommand } from '../../generator/commands/generate-command.js';
import { parseCommand } from '../../generator/commands/parse-command.js';
import { probeCommand } from '../../generator/commands/probe-command.js';
import { usageOf, withoutHelpCache } from '../../generator/commands/help-cache.js';
import { cliPath, repoRoot, runCli } from '../helpers/cli.js';
import { copyPages } from '../support/workflow-pages.js';

const recorder = join(repoRoot, 'test/support/record-modules.mjs');
/** The CLI bundle's files → the modules in each (paths below the package). */
const bundled: Record<string, string[]> = JSON.parse(readFileSync(join(repoRoot, 'dist/cli-modules.json'), 'utf8'));

/** Runs the built CLI; returns its exit code, stderr and the modules it loaded (paths below the package, `node_modules/x/…` or `dist/generator/…`). */
function loaded(args: string[]): { code: number | null; stderr: string; modules: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), 'docsdk-modules-')), 'modules.log');
  const r = spawnSync(process.execPath, ['--import', recorder, cliPath, ...args], { encoding: 'utf8', env: { ...process.env, DOCSDK_MODULE_LOG: log } });
  const files = [...new Set(readFileSync(log, 'utf8').split('\n'))].filter((url) => url.startsWith('file:')).map((url) => decodeURI(url).replace(/^.*?\/(?=(node_modules|dist\/(generator|cli))\/)/, ''));
  // The control: the CLI runs from its bundle, whose every file the build listed, and no module of tsc's output.
  expect(files.filter((file) => file.startsWith('dist/') && !(file.startsWith('dist/cli/') && file.slice('dist/cli/'.length) in bundled)), args.join(' ')).toEqual([]);
  expect(files, args.join(' ')).toContain('dist/cli/cli.js');
  return { code: r.status, stderr: r.stderr, modules: files.flatMap((file) => (file.startsWith('dist/cli/') ? bundled[file.slice('dist/cli/'.length)] : file)) };
}

/** The packages among `modules` (`cheerio`, `@scope/name`). */
const packages = (modules: string[]) => new Set(modules.flatMap((m) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? []));
const docsdk = (modules: string[]) => modules.filter((m) => m.startsWith('dist/generator/')).map((m) => m.slice('dist/generator/'.length));

const HTML_PARSER = ['cheerio', 'htmlparser2', 'domhandler', 'domutils', 'entities', 'css-select'];
const EMITTER = ['handlebars'];
/** docsdk's parser (the pipeline, the page readers and the DOM) and emitter, by their entry modules. */
const PARSER_OR_EMITTER = /^(pipeline|parse\/(page|parallel|dom|blocks|render|profiles\/index)|emit\/\w[\w-]*)\.js$/;
const NOT_AT_START_UP = [...HTML_PARSER, ...EMITTER, 'markdown-it', 'cli-progress', 'chokidar', 'tinyglobby', 'ajv', 'typescript-native'];
/** yargs' help renderer and string width, which commands/yargs-entry.ts requires for help text only (the recorder sees them in require.cache). */
const HELP_RENDERER = ['cliui', 'string-width'];

describe('start-up', () => {
  it('--version and --help load yargs and the command definitions only', () => {
    for (const args of [['--version'], ['--help'], ['generate', '--help']]) {
      const { code, modules } = loaded(args);
      expect(code, args.join(' ')).toBe(0);
      expect([...packages(modules)].filter((p) => NOT_AT_START_UP.includes(p)), args.join(' ')).toEqual([]);
      // The control: help text is rendered by yargs' own renderer, loaded for it.
      expect([...packages(modules)].filter((p) => HELP_RENDERER.includes(p)).sort(), args.join(' ')).toEqual(args[0] === '--version' ? [] : HELP_RENDERER);
      // No command's implementation, parser, emitter, writer or run machinery.
      expect(
        docsdk(modules).filter((m) => PARSER_OR_EMITTER.test(m) || /^(commands\/(generate|parse|diff|probe)\.js|write\/|workflow\/(?!run-report))/.test(m)),
        args.join(' '),
      ).toEqual([]);
    }
  });

  it('a generate run that replays the last one loads no parser, emitter, compiler, progress bar or watcher; a run of HTML pages no Markdown renderer', async () => {
    const pages = await copyPages('vitepress');
    const out = join(mkdtempSync(join(tmpdir(), 'docsdk-start-up-')), 'sdk');
    const first = loaded(['generate', pages, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    // The control: what the replay must not load, the first run did load (and the recorder saw).
    expect([...packages(first.modules)]).toEqual(expect.arrayContaining(['cheerio', 'htmlparser2', 'handlebars']));
    expect(docsdk(first.modules)).toEqual(expect.arrayContaining(['parse/page.js', 'emit/sdk.js', 'emit/type-check.js', 'emit/native-compiler.js']));
    expect(packages(first.modules).has('markdown-it')).toBe(false);
    expect([...packages(first.modules)].filter((p) => HELP_RENDERER.includes(p))).toEqual([]);

    const replay = loaded(['generate', pages, '--out', out]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stderr).toContain('nothing changed since the last run');
    expect([...packages(replay.modules)].filter((p) => [...HTML_PARSER, ...EMITTER, ...HELP_RENDERER, 'markdown-it', 'cli-progress', 'chokidar'].includes(p))).toEqual([]);
    expect(docsdk(replay.modules).filter((m) => PARSER_OR_EMITTER.test(m) || m === 'workflow/watch.js')).toEqual([]);
    // A folder input is walked without the glob library, in either run; a glob input loads it (the control).
    expect([first, replay].map((run) => packages(run.modules).has('tinyglobby'))).toEqual([false, false]);
    const globbed = loaded(['parse', `${pages}/**/*.html`, '--out', join(out, '..', 'model.json')]);
    expect(globbed.code, globbed.stderr).toBe(0);
    expect(packages(globbed.modules).has('tinyglobby')).toBe(true);
  });

  it("renders with Handlebars' runtime: its compiler loads only for a template neither the build nor an earlier run compiled", async () => {
    const pages = await copyPages('vitepress');
    const compiler = (modules: string[]) => modules.some((m) => m.startsWith('node_modules/handlebars/dist/cjs/handlebars/compiler/'));
    const defaults = loaded(['generate', pages, '--out', join(mkdtempSync(join(tmpdir(), 'docsdk-start-up-')), 'sdk'), '--no-cache']);
    expect(defaults.code, defaults.stderr).toBe(0);
    expect(compiler(defaults.modules)).toBe(false);
    // The control: a template of the user's own is compiled.
    const templates = mkdtempSync(join(tmpdir(), 'docsdk-templates-'));
    writeFileSync(join(templates, 'README.md.hbs'), '# {{title}}\n');
    const own = loaded(['generate', pages, '--out', join(mkdtempSync(join(tmpdir(), 'docsdk-start-up-')), 'sdk'), '--no-cache', '--templates', templates]);
    expect(own.code, own.stderr).toBe(0);
    expect(compiler(own.modules)).toBe(true);
  });

  it('a Markdown page loads the Markdown renderer (the control of the above)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'docsdk-start-up-')), 'sdk');
    const run = loaded(['generate', await copyPages('markdown'), '--out', out, '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    expect(packages(run.modules).has('markdown-it')).toBe(true);
  });
});

describe('help text', () => {

  it('yargs renders a command\'s help text whenever it runs the command; docsdk\'s CLI skips that', async () => {
    const run = async (skip: boolean) => {
      const cli = yargs(['x']).command('x', 'a command', (y) => y.option('flag', { type: 'string', describe: 'a flag' }), () => undefined);
      await (skip ? withoutHelpCache(cli) : cli).parseAsync();
      return usageOf(cli).hasCachedHelpMessage();
    };
    expect(await run(false)).toBe(true);
    expect(await run(true)).toBe(false);
  });

  it('--help of every command is what yargs renders from the same definitions', async () => {
    for (const args of [['--help'], ...['parse', 'generate', 'diff', 'probe'].map((command) => [command, '--help'])]) {
      const cli = yargs().scriptName('docsdk').command(parseCommand).command(generateCommand).command(diffCommand).command(probeCommand);
      const output = await new Promise<string>((resolve) => cli.demandCommand(1, '').strict().help().exitProcess(false).parse(args, {}, (_error, _argv, text) => resolve(text)));
      expect(runCli(args).stdout, args.join(' ')).toBe(output + '\n');
    }
  });
});
