#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js) into dist/bundle/ with esbuild, for start-up time: loading
// ~480 small ES modules (zod alone is 95, chrono-node 266 with every locale) cost more than the work a
// short command does. The bundle holds the project's own code and the pure-JavaScript ES-module
// packages it imports (tree-shaken: chrono's unused locales go); every other package stays an import
// of node_modules. Commands that the CLI imports lazily become chunks of their own, loaded as before.
// dist/bundle/ sits two levels below the project root, like dist/<stage>/, so the files found relative
// to the code (data/, models/, worker scripts under dist/) resolve the same. Run by `npm run build`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');

/** Packages compiled into the bundle; fastify-type-provider-zod so that it shares the bundle's zod. */
const BUNDLED = new Set(['commander', 'zod', 'chrono-node', 'fastify-type-provider-zod']);

const packageOf = (specifier) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: path.join(root, 'dist', 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Deterministic output names, so a rebuild of the same code writes the same files.
  chunkNames: 'chunk-[hash]',
  // CommonJS packages compiled in (commander) require Node built-ins: give each ES module file a require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'node-modules-outside',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});

// Validation stamps (src/util/data-stamps.ts): one analyze of a sentence of our own with the new bundle
// validates the data files every analyze loads and records them, so later runs skip re-validating them.
const scratch = mkdtempSync(path.join(tmpdir(), 'newsgraph-stamps-'));
const sentence = path.join(scratch, 'sentence.txt');
writeFileSync(
  sentence,
  '"We will not back down," the minister said on Monday after police arrested 12 protesters.\n',
);
const stamped = spawnSync(
  process.execPath,
  [
    '--input-type=module',
    '-e',
    `const { main } = await import(${JSON.stringify(path.join(outdir, 'cli.js'))});
     await main([process.argv0, 'newsgraph', 'analyze', ${JSON.stringify(sentence)}]);`,
  ],
  {
    env: { ...process.env, NEWSGRAPH_STAMP_DATA: path.join(outdir, 'data-stamps.json') },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
rmSync(scratch, { recursive: true, force: true });
if (stamped.status !== 0)
  throw new Error(`build-cli: the stamping run of analyze failed (${stamped.status})`);
