import { existsSync, readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';

/**
 * Loading heavy packages when first needed rather than when the importing module loads: the stages'
 * entry points stay synchronous, so a command or a document that never reaches a model never pays
 * for it (`newsgraph --help`, a short text that needs no language detection).
 */
const nodeRequire = createRequire(import.meta.url);

/**
 * Packages compiled into the start-up snapshot's single-file bundle (scripts/build-snapshot.mjs sets
 * this before any project code runs): a snapshot is built from one script that may not load files
 * through Node's module loader, so its bundle lists what a `require` here would load, by the
 * specifier or the resolved path this module is asked for. Unset everywhere else.
 */
interface CompiledIn {
  modules: Map<string, () => unknown>;
  paths: Map<string, string>;
}
const compiledIn = (globalThis as { [k: symbol]: CompiledIn | undefined })[
  Symbol.for('newsgraph.compiledIn')
];

function load(specifier: string): unknown {
  const compiled = compiledIn?.modules.get(specifier);
  return compiled ? compiled() : nodeRequire(specifier);
}

/** A value computed on first call and kept. */
export function once<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}

/** A CommonJS package's exports, loaded now. */
export function requireCommonJs<T>(specifier: string): T {
  return load(specifier) as T;
}

/**
 * Makes a later `require(file)` (from any module) return `exports` without reading or compiling the
 * file: for generated CommonJS data files whose content the build keeps in a form faster to load.
 */
export function presetCommonJs(file: string, exports: unknown): void {
  // A compiled-in file is the same content, already compiled (into the snapshot).
  if (compiledIn?.modules.has(file)) return;
  const m = new Module(file);
  m.filename = file;
  m.exports = exports;
  m.loaded = true;
  nodeRequire.cache[file] = m;
}

/** The file a CommonJS specifier resolves to. */
export function resolveCommonJs(specifier: string): string {
  return compiledIn?.paths.get(specifier) ?? nodeRequire.resolve(specifier);
}

/**
 * An ES-module-only package entry loaded synchronously (require of an ES module: Node 20.19 and later).
 * Such packages export no `require` condition, so the entry is looked up in the package's own
 * `exports` map (its `import` entry) in the node_modules folders Node would search.
 */
export function requireEsModule<T>(pkg: string, subpath = '.'): T {
  const compiled = compiledIn?.modules.get(`${pkg}:${subpath}`);
  if (compiled) return compiled() as T;
  for (const dir of nodeRequire.resolve.paths(pkg) ?? []) {
    const manifest = path.join(dir, pkg, 'package.json');
    if (!existsSync(manifest)) continue;
    const entry = exportedEntry(JSON.parse(readFileSync(manifest, 'utf8')) as unknown, subpath);
    if (!entry) throw new Error(`${pkg}: no ES module entry for "${subpath}" in its package.json`);
    return nodeRequire(path.join(dir, pkg, entry)) as T;
  }
  throw new Error(`cannot find package ${pkg} (is it installed?)`);
}

type Target = string | { import?: Target; default?: Target } | undefined;

function exportedEntry(manifest: unknown, subpath: string): string | undefined {
  const m = manifest as { exports?: Record<string, Target> | string; main?: string };
  const target: Target = typeof m.exports === 'string' ? m.exports : m.exports?.[subpath];
  const pick = (t: Target): string | undefined =>
    typeof t === 'string' ? t : t ? (pick(t.import) ?? pick(t.default)) : undefined;
  return pick(target) ?? (subpath === '.' ? m.main : undefined);
}
