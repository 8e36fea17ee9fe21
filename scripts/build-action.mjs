#!/usr/bin/env node
// Bundles the GitHub Action into dist/ so a workflow runs it with no `npm install`:
//   dist/index.js                        the entry (src/action/main.ts) with every dependency inlined
//   dist/chunk-*.js                      code shared with the style guide's functions
//   dist/lib/rulesets/functions/*.js     the style guide's custom functions, loaded by path at run time
//   dist/rulesets/**                     the built-in rulesets (plain YAML, loaded by path)
//   dist/package.json                    module type and the version the reports print
// dist/ mirrors the npm package's layout, so paths the code computes from its own location resolve the same.
// Usage: node scripts/build-action.mjs [--outdir DIR]
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--outdir');
const outdir = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(root, 'dist'));
const require = createRequire(import.meta.url);

/** Where `requireFrom(chain, id)` (src/util/require-from.ts) lands, resolved now as it would be at run time. */
function resolveFrom(chain, id) {
  let from = createRequire(join(root, 'lib', 'util', 'require-from.js'));
  for (const name of chain) from = createRequire(from.resolve(name));
  return from.resolve(id);
}
const REQUIRE_FROM_CALL = /\brequireFrom\(\s*\[([^\]]*)\]\s*,\s*'([^']+)'\s*,?\s*\)/g;

/**
 * Source files find package files relative to `import.meta.url`; in the bundle every module shares one URL,
 * so each module's own URL is rebuilt as the one it has in lib/ of the package.
 */
const packageLayout = {
  name: 'package-layout',
  setup(context) {
    context.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      // Dependencies are bundled: each `requireFrom` call becomes a static require of the file it resolves to
      // now, so it reaches the same bundled module instance that the dependency itself uses.
      contents = contents.replace(REQUIRE_FROM_CALL, (_call, list, id) => {
        const chain = [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]);
        return `require(${JSON.stringify(resolveFrom(chain, id))})`;
      });
      const isRequireFromHelper = args.path.endsWith(join('src', 'util', 'require-from.ts'));
      if (!isRequireFromHelper && /createRequire\(\s*import\.meta\.url\s*\)/.test(contents)) {
        // Packages are bundled, not installed next to dist/: a run-time lookup from here would fail on the runner.
        throw new Error(`${relative(root, args.path)}: resolves a package at run time (createRequire(import.meta.url)); teach scripts/build-action.mjs how to bundle it`);
      }
      if (contents.includes('import.meta.url')) {
        const inLib = `./lib/${relative(join(root, 'src'), args.path).split('\\').join('/').replace(/\.ts$/, '.js')}`;
        contents = contents.split('import.meta.url').join(`new URL(${JSON.stringify(inLib)}, import.meta.url).href`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

const functionsDir = join(root, 'src', 'rulesets', 'functions');
const functionNames = (await readdir(functionsDir)).filter((name) => name.endsWith('.ts')).sort();
const entryPoints = { index: join(root, 'src', 'action', 'main.ts') };
for (const name of functionNames) entryPoints[`lib/rulesets/functions/${basename(name, '.ts')}`] = join(functionsDir, name);

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Runs on the node24 runtime of action.yml; node20 syntax keeps it runnable where tests still use Node 20.
  target: 'node20',
  // Chunks sit next to index.js, so the rebuilt module URLs above resolve from either.
  chunkNames: 'chunk-[hash]',
  mainFields: ['module', 'main'],
  conditions: ['node', 'import'],
  banner: { js: "import { createRequire as __apigateCreateRequire } from 'node:module';\nconst require = __apigateCreateRequire(import.meta.url);" },
  minify: true,
  keepNames: true,
  legalComments: 'eof',
  logLevel: 'warning',
  metafile: true,
  plugins: [packageLayout],
});
if (result.errors.length > 0) process.exit(1);

await cp(join(root, 'rulesets'), join(outdir, 'rulesets'), { recursive: true });
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
await writeFile(
  join(outdir, 'package.json'),
  `${JSON.stringify({ name: `${manifest.name}-action`, version: manifest.version, private: true, type: 'module', license: manifest.license }, null, 2)}\n`,
);

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(`built ${relative(root, outdir) || '.'}: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB\n`);
