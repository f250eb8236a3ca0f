/**
 * The floors of the import graph (docs/architecture.md), checked over the source so they stay true:
 * the store depends on the model alone; only the CLI and the server use the application floor;
 * the folders under src/ import each other without a cycle, and so do the files; scripts stay
 * outside src/, which never imports them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/util/data.js';

const SRC = path.join(PROJECT_ROOT, 'src');

/** Test files, fixtures and suites may reach anywhere: they are not part of the shipped graph. */
function isShipped(rel: string): boolean {
  return !/\.test\.ts$|\.d\.ts$|(^|\/)__fixtures__\/|\.suite\.ts$|test-support\.ts$/.test(rel);
}

function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (name.endsWith('.ts') && isShipped(path.relative(SRC, p).split(path.sep).join('/'))) out.push(p);
  }
  return out;
}

interface Edge {
  from: string;
  to: string;
  /** `import type` / `export type`: gone after compilation. */
  typeOnly: boolean;
  /** `import(…)`: loaded when the code runs, not when the importing file loads. */
  dynamic?: boolean;
}

const STATIC = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s*['"](\.[^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
const BARE = /(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]/g;

function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')])
    if (existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(SRC, from)} imports ${spec}, which resolves to no file`);
}

function importGraph(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles()) {
    // Comments may name imports in prose; only code counts.
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(STATIC))
      edges.push({ from: file, to: resolve(file, m[3]), typeOnly: !!m[2] });
    for (const m of code.matchAll(DYNAMIC))
      edges.push({ from: file, to: resolve(file, m[1]), typeOnly: false, dynamic: true });
    for (const m of code.matchAll(BARE)) edges.push({ from: file, to: resolve(file, m[1]), typeOnly: false });
  }
  return edges;
}

/** The folder under src/ a file belongs to (`index` for src/index.ts). */
const floorOf = (file: string) => path.relative(SRC, file).split(path.sep)[0].replace(/\.ts$/, '');
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** Every cycle found by a depth-first walk, as lists of nodes. */
function cycles(nodes: Iterable<string>, next: (n: string) => Iterable<string>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of next(n)) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of nodes) if (!state.has(n)) visit(n);
  return found;
}

describe('the import graph', () => {
  const edges = importGraph();
  const crossing = edges.filter((e) => floorOf(e.from) !== floorOf(e.to));

  it('reads a graph of the whole source (the check would pass vacuously on none)', () => {
    expect(sourceFiles().length).toBeGreaterThan(100);
    expect(crossing.some((e) => floorOf(e.from) === 'store' && floorOf(e.to) === 'model')).toBe(true);
    expect(crossing.some((e) => floorOf(e.from) === 'cli' && floorOf(e.to) === 'service')).toBe(true);
  });

  it('the store imports the model and nothing above it (no pipeline, stage, ingest, queue, service or CLI)', () => {
    const upward = crossing
      .filter((e) => floorOf(e.from) === 'store' && !['model', 'util'].includes(floorOf(e.to)))
      .map((e) => `${rel(e.from)} -> ${rel(e.to)}`);
    expect(upward).toEqual([]);
  });

  it('only the CLI and the server use the application floor (src/service/)', () => {
    const users = crossing
      .filter((e) => floorOf(e.to) === 'service' && !['cli', 'server'].includes(floorOf(e.from)))
      .map((e) => `${rel(e.from)} -> ${rel(e.to)}`);
    expect(users).toEqual([]);
  });

  it('the corpus floor builds on the store and the model only', () => {
    const upward = crossing
      .filter((e) => floorOf(e.from) === 'corpus' && !['model', 'store', 'util'].includes(floorOf(e.to)))
      .map((e) => `${rel(e.from)} -> ${rel(e.to)}`);
    expect(upward).toEqual([]);
  });

  it('nothing under src/ imports from outside it (scripts/, bench/, test/ stay outside the graph)', () => {
    const outside = edges
      .filter((e) => path.relative(SRC, e.to).startsWith('..'))
      .map((e) => `${rel(e.from)} -> ${path.relative(PROJECT_ROOT, e.to)}`);
    expect(outside).toEqual([]);
  });

  it('keeps no scripts under src/: training, benchmark and generator scripts live in scripts/ or bench/', () => {
    const folders = (dir: string): string[] =>
      readdirSync(dir)
        .map((name) => path.join(dir, name))
        .filter((p) => statSync(p).isDirectory())
        .flatMap((p) => [p, ...folders(p)]);
    const scriptFolders = folders(SRC)
      .filter((d) => /^(?:scripts?|bench|tools)$/.test(path.basename(d)))
      .map((d) => rel(d));
    expect(scriptFolders).toEqual([]);
  });

  it('the folders under src/ import each other without a cycle', () => {
    const next = new Map<string, Set<string>>();
    for (const e of crossing) {
      const set = next.get(floorOf(e.from)) ?? new Set<string>();
      set.add(floorOf(e.to));
      next.set(floorOf(e.from), set);
    }
    expect(cycles(next.keys(), (n) => next.get(n) ?? [])).toEqual([]);
  });

  it("the CLI's start (what `--help` loads) reaches no zod schema: commands load theirs on demand", () => {
    // Loading zod and the analysis schemas costs ~30 ms of every start (session 15: an export module
    // took eventDyads from the model's index, which holds the schemas, and `--help` went 82 → 130+ ms).
    const loaded = new Map<string, string[]>();
    for (const e of edges.filter((x) => !x.typeOnly && !x.dynamic))
      loaded.set(e.from, [...(loaded.get(e.from) ?? []), e.to]);
    const start = path.join(SRC, 'cli', 'main.ts');
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const seen = new Set([start]);
    for (const f of seen) for (const to of loaded.get(f) ?? []) seen.add(to);
    // `import type { z } from 'zod'` is gone after compilation; a value import loads zod's 740 kB.
    const withZod = [...seen]
      .filter((f) => /import\s+(?!type\b)[^;]*?from\s*['"]zod['"]/.test(code(f)))
      .map(rel);
    expect(seen.size).toBeGreaterThan(3);
    expect(withZod).toEqual([]);
  });

  it('no file imports itself back at run time', () => {
    const next = new Map<string, string[]>();
    for (const e of edges.filter((x) => !x.typeOnly)) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    expect(cycles(next.keys(), (n) => next.get(n) ?? []).map((c) => c.map(rel).join(' > '))).toEqual([]);
  });
});
