#!/usr/bin/env node
// Builds the start-up snapshot of `newsgraph analyze` and `predict` (run by `npm run build`, after
// scripts/build-cli.mjs). A short analyze spent most of its time loading: models, lexicons, word tables,
// the actor knowledge base, the part-of-speech tagger, compiling the code. `node --build-snapshot` runs one script
// and saves V8's heap as it is then; `node --snapshot-blob` starts from that heap. The script is
// dist/cli/snapshot.js (src/cli/snapshot.ts: it analyses a few sentences so every loader has run),
// bundled here with esbuild into one CommonJS file, because a snapshot's script may load nothing but
// Node's built-in modules while it is built. Packages used outside an analysis (database drivers, the
// server, HTML readers) stay outside it: they load from node_modules when a run asks for them.
// Writes dist/bundle/snapshot.cjs, snapshot.blob, snapshot.flags (the V8 flags the launchers start it
// with) and snapshot.json (what the blob's start checks before it runs: Node's version and binary, the
// project root, and the files baked in; src/cli/snapshot-fit.ts).
// A failure leaves no blob and a warning: the CLI then runs as it did without one.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'bundle');
const script = path.join(outdir, 'snapshot.cjs');
const blob = path.join(outdir, 'snapshot.blob');
const manifest = path.join(outdir, 'snapshot.json');
const flagsFile = path.join(outdir, 'snapshot.flags');
// Written under another name, then renamed: a launcher never sees half a blob (node would crash on it).
const blobBeingBuilt = path.join(outdir, 'snapshot.blob.part');

/**
 * The V8 flags of the build and of every run from the blob (a blob only starts with the flags it was
 * built with; bin/newsgraph and bin/newsgraph.js read them from snapshot.flags):
 * - V8 cannot save a regular expression compiled to machine code (it aborts), and hot ones are after
 *   an analysis; interpreted ones it can, so runs from the blob interpret regular expressions too.
 * - By default V8 rehashes every hash table of the heap it reads back (object dictionaries, Maps and
 *   Sets: the lexicons, the actor knowledge base), to use a seed of its own; that was about a tenth of
 *   a start. Without it, the runs keep the seed the build drew at random: one per build rather than
 *   one per process, which is all a hash-flooding text would have to guess, from this machine's blob.
 * - No optimising compiler (TurboFan): a run from the blob analyses one article, and compiling its hot
 *   functions cost more than it saved, from one sentence (8 % of the CPU time, 10 % of the wall time)
 *   to a 49 kB article (5 % of the CPU time); batches and `predict` do not use the blob.
 */
const V8_FLAGS = ['--regexp-interpret-all', '--no-rehash-snapshot', '--no-opt'];

/** Packages compiled into the snapshot: the CLI bundle's, and what an analysis loads on first use. */
const BUNDLED = new Set(['commander', 'zod', 'chrono-node', 'fastify-type-provider-zod', 'eld']);
const packageOf = (specifier) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

/**
 * What src/util/modules.ts loads by specifier (eld's entry), compiled in and listed for it. wink-nlp is
 * not: only the tagger's training script runs it (src/text/tagger/wink.ts), never an analysis.
 */
function compiledInModule() {
  const eld = fileURLToPath(import.meta.resolve('eld/extrasmall'));
  const entries = [['eld:./extrasmall', eld]];
  return [
    'const modules = new Map([',
    ...entries.map(([key, file]) => `  [${JSON.stringify(key)}, () => require(${JSON.stringify(file)})],`),
    ']);',
    'const paths = new Map();',
    "globalThis[Symbol.for('newsgraph.compiledIn')] = { modules, paths };",
  ].join('\n');
}

// Inside the snapshot, `require` is Node's built-in-only loader; other packages load through a
// loader made after the start, from the bundle's place in the project (never while building).
const banner = `const __builtinRequire = require;
const __builtins = new Set(${JSON.stringify(builtinModules)});
let __packageRequire;
require = (id) => {
  if (id.startsWith('node:') || __builtins.has(id)) return __builtinRequire(id);
  if (__builtinRequire('node:v8').startupSnapshot.isBuildingSnapshot())
    throw new Error('the snapshot would load ' + id + ' while it is built: compile it in or load it later');
  __packageRequire ??= __builtinRequire('node:module').createRequire(__filename);
  return __packageRequire(id);
};
const __importMetaUrl = __builtinRequire('node:url').pathToFileURL(__filename).href;`;

function warn(message) {
  process.stderr.write(`build-snapshot: ${message}; newsgraph will run without a start-up snapshot\n`);
  for (const f of [blob, blobBeingBuilt, manifest, flagsFile]) rmSync(f, { force: true });
}

/**
 * The bundle with every character outside ASCII written as a \u escape (esbuild's ascii charset leaves
 * them in regular expressions): V8 keeps an all-ASCII source in one byte per character, not two, and
 * the source is part of the heap each run reads back (4 MB less).
 */
function asciiOnly(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

async function bundle() {
  const result = await build({
    stdin: {
      contents: `import 'newsgraph:compiled-in';\nimport ${JSON.stringify(path.join(root, 'dist/cli/snapshot.js'))};\n`,
      resolveDir: root,
      sourcefile: 'snapshot-entry.js',
    },
    outfile: script,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    charset: 'ascii',
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    banner: { js: banner },
    define: { 'import.meta.url': '__importMetaUrl' },
    plugins: [
      {
        name: 'snapshot-modules',
        setup(b) {
          b.onResolve({ filter: /^newsgraph:compiled-in$/ }, () => ({
            path: 'compiled-in',
            namespace: 'ng',
          }));
          b.onLoad({ filter: /.*/, namespace: 'ng' }, () => ({
            contents: compiledInModule(),
            resolveDir: root,
          }));
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('node:') || BUNDLED.has(packageOf(args.path))
              ? undefined
              : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  writeFileSync(script, asciiOnly(result.outputFiles[0].text));
}

/** The files whose content the blob holds, with their sizes and times: a change means a stale blob. */
function bakedFiles() {
  const files = [path.join(outdir, 'cli.js'), script];
  for (const dir of ['data', 'models', path.join('dist', 'bundle', 'derived')]) {
    const abs = path.join(root, dir);
    for (const f of readdirSync(abs, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(abs, f);
      if (statSync(file).isFile()) files.push(file);
    }
  }
  return files.sort().map((file) => {
    const s = statSync(file);
    return [path.relative(root, file), s.size, s.mtimeMs];
  });
}

/**
 * Stamps (src/util/data-stamps.ts) hash each schema with the source of its checks, which this bundle
 * prints apart from the CLI bundle: one plain run of it validates and stamps the data files under its
 * own hashes, added to the CLI bundle's, so the snapshot holds the compact fast-load forms too.
 */
function stampData() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'newsgraph-snapshot-stamps-'));
  const stamps = path.join(scratch, 'data-stamps.json');
  const run = spawnSync(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, NEWSGRAPH_STAMP_DATA: stamps },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`the stamping run of the snapshot bundle failed (${run.status})`);
  const file = path.join(outdir, 'data-stamps.json');
  const all = JSON.parse(readFileSync(file, 'utf8'));
  for (const [data, keys] of Object.entries(JSON.parse(readFileSync(stamps, 'utf8'))))
    all[data] = [...new Set([...(all[data] ?? []), ...keys])].sort();
  writeFileSync(file, JSON.stringify(all, null, 1) + '\n');
  rmSync(scratch, { recursive: true, force: true });
}

const started = Date.now();
for (const f of [script, blob, blobBeingBuilt, manifest, flagsFile]) rmSync(f, { force: true });
await bundle();
stampData();
const built = spawnSync(
  process.execPath,
  [...V8_FLAGS, '--snapshot-blob', blobBeingBuilt, '--build-snapshot', script],
  {
    cwd: root,
    env: { ...process.env, NEWSGRAPH_STAMP_DATA: '' },
    encoding: 'utf8',
  },
);
// Node warns of each built-in module (module, child_process, readline) not verified in snapshots that
// the bundle imports: none is used while building, and the tests compare the blob's output with the
// bundle's.
const stderr = built.stderr.replace(
  /\(node:\d+\) Warning: It's not yet fully verified[^]*?(?=\(node:|$)|\(Use `node --trace-warnings[^\n]*\n/g,
  '',
);
if (built.status !== 0) {
  warn(`node --build-snapshot failed (${built.status ?? built.signal}): ${stderr.trim()}`);
} else {
  if (stderr.trim()) process.stderr.write(stderr);
  renameSync(blobBeingBuilt, blob);
  const node = statSync(process.execPath);
  const blobStat = statSync(blob);
  writeFileSync(
    manifest,
    JSON.stringify(
      {
        node: process.version,
        platform: process.platform,
        arch: process.arch,
        execPath: process.execPath,
        exec: [node.size, node.mtimeMs],
        root: realpathSync(root) + path.sep,
        blob: [blobStat.size, blobStat.mtimeMs],
        files: bakedFiles(),
      },
      null,
      1,
    ) + '\n',
  );
  writeFileSync(flagsFile, V8_FLAGS.join(' ') + '\n');
  process.stderr.write(
    `build-snapshot: ${(blobStat.size / 2 ** 20).toFixed(1)} MB blob in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
