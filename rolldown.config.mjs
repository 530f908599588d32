// The CLI users run (package.json "bin"): tsc's output of generator/cli.ts linked into one
// rolldown bundle in dist/cli/, so a run pays Node's ES module loader for a few dozen files
// rather than for each of docsdk's ~150 modules and its dependencies' ~120. `npm run build`
// runs this after tsc and the template precompile; the library (dist/generator/index.js) stays
// tsc's output.
//
// Layout, which the code relies on and generateBundle checks:
// - Flat: every file of the bundle sits in dist/cli/ itself, so each module's import.meta.url
//   names a file of that folder: generator/code-dir.ts is dist/cli/ there (the folder the build
//   id hashes), and what a module looks up beside itself (`new URL('./x', import.meta.url)`:
//   the parse worker, the precompiled templates) is a file the bundle holds.
// - Modules a run imports only when it needs them (the parser, the emitter, the checks, the
//   diff, watch mode, the glob library) stay chunks of their own, so a replay loads none.
// - Packages docsdk loads with createRequire (yargs' build, ajv, markdown-it, cli-progress,
//   semver, validate-npm-package-name, the native compiler's package) are resolved at run time
//   from node_modules, as before: rolldown sees no import of them.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const TSC_OUT = join(root, 'dist/generator');
/** Written beside the bundle, not shipped: which modules each of its files holds (test/cli/start-up.test.ts reads it). */
const MODULES_FILE = join(root, 'dist/cli-modules.json');
/** A module's lookup of a file beside itself. */
const BESIDE = /new URL\(\s*["']\.\/([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g;

/** The bundle's files that are no code, by name → where the build wrote them: the templates it precompiled (read beside precompiled-templates.js). */
const ASSETS = new Map([['templates.precompiled.json', `${TSC_OUT}/emit/templates.precompiled.json`]]);

/** Shipped beside the bundle: the licence of every package whose code the bundle holds (their licences ask that their notices go along). */
const NOTICES_FILE = 'THIRD-PARTY-NOTICES.md';

/** The notices of the packages `moduleIds` (paths relative to the root) come from: name, version, licence and its text, by name. */
function thirdPartyNotices(moduleIds) {
  const packages = new Set();
  for (const id of moduleIds) {
    const found = id.split('/').lastIndexOf('node_modules');
    if (found < 0) continue;
    const parts = id.split('/');
    packages.add(parts.slice(0, found + (parts[found + 1].startsWith('@') ? 3 : 2)).join('/'));
  }
  const sections = [...packages].sort().map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(join(root, dir)).find((file) => /^(licen[sc]e|copying)(\.|$)/i.test(file));
    const text = licenceFile ? readFileSync(join(root, dir, licenceFile), 'utf8').trim() : `(no licence file in the package; its package.json says ${manifest.license})`;
    return `## ${manifest.name} ${manifest.version} (${manifest.license})\n\n\`\`\`\`text\n${text}\n\`\`\`\`\n`;
  });
  return `# Third-party notices\n\ndocsdk's CLI bundle (dist/cli/) holds code of these packages, under their licences:\n\n${sections.join('\n')}`;
}

function besideFiles() {
  return {
    name: 'docsdk-cli-layout',
    generateBundle(_options, bundle) {
      for (const [fileName, from] of ASSETS) this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
      const files = new Set([...Object.keys(bundle), ...ASSETS.keys()]);
      for (const [fileName, file] of Object.entries(bundle)) {
        if (fileName.includes('/')) this.error(`${fileName}: the bundle must be flat (its modules look files up beside themselves)`);
        if (file.type !== 'chunk') continue;
        for (const [, name] of file.code.matchAll(BESIDE)) {
          if (!files.has(name)) this.error(`${fileName} looks up ./${name} beside itself, which the bundle does not hold`);
        }
      }
    },
    writeBundle(_options, bundle) {
      const modules = Object.fromEntries(
        Object.values(bundle)
          .filter((file) => file.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk.moduleIds.filter((id) => !id.startsWith('\0')).map((id) => relative(root, id).split(sep).join('/'))]),
      );
      writeFileSync(MODULES_FILE, JSON.stringify(modules, null, 1) + '\n');
      writeFileSync(join(root, 'dist/cli', NOTICES_FILE), thirdPartyNotices(Object.values(modules).flat()));
      // tsc's compile of the CLI entry was only this bundle's input: the CLI exists once, as the bundle.
      for (const file of ['cli.js', 'cli.d.ts']) rmSync(`${TSC_OUT}/${file}`, { force: true });
    },
  };
}

export default {
  input: { cli: `${TSC_OUT}/cli.js`, 'parse-worker': `${TSC_OUT}/parse/parse-worker.js` },
  platform: 'node',
  plugins: [besideFiles()],
  output: { dir: join(root, 'dist/cli'), format: 'esm', cleanDir: true, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
};
