#!/usr/bin/env node
// Start-up benchmark, hyperfine-style: runs each CLI command as a fresh process `--runs` times (default
// 10) after one warm-up run, and prints the median, min and max wall time and the median CPU time
// (user + sys of the child, from /proc on Linux) against the targets of issue 16.
// It runs the `newsgraph` command as a user's shell does: the package's bin (bin/newsgraph) executed
// directly; `--bin x.js` runs a script with node instead (`--bin bin/newsgraph.js`, or another build's).
// Usage: npm run bench:startup [-- --runs N] [-- --bin other/newsgraph.js] [-- --no-article] [-- --json]
// Wall time is noisy on a shared machine; CPU time much less so — report both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, args, root } from './common.mjs';

const runs = Number(arg('--runs') ?? 10);
const packageBin = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin.newsgraph;
const bin = path.resolve(root, arg('--bin') ?? packageBin);
/** The command and its first arguments: a script with node, an executable as it is. */
const command = bin.endsWith('.js') ? [process.execPath, bin] : [bin];
if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('bench: dist/ is missing — run npm run build first');
  process.exit(1);
}

// One sentence of our own with a quote, a speaker, a date and an event, so every stage has work
// (under 120 characters, so no language detection: the CLI takes short texts as English).
const SENTENCE =
  '"We will not back down," the interior minister said on Monday after police arrested 12 protesters.\n';
const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-startup-'));
const sentenceFile = path.join(dir, 'one-sentence.txt');
writeFileSync(sentenceFile, SENTENCE);

const cases = [
  { name: '--help', argv: ['--help'], target: 0.15 },
  { name: 'analyze <one sentence>', argv: ['analyze', sentenceFile], target: 0.35 },
  { name: 'analyze <seed article>', argv: ['analyze', path.join(root, 'test/fixtures/seed.txt')] },
].filter((c) => !(args.includes('--no-article') && c.name.includes('article')));

/** CPU seconds (user + sys) of this process's waited-for children, or undefined off Linux. */
function childCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of /proc/<pid>/stat (cutime, cstime), in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function runOnce(argv) {
  const cpu0 = childCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command[0], [...command.slice(1), ...argv], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childCpu();
  if (r.status !== 0 || !r.stdout) {
    console.error(`bench: ${argv.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
    process.exit(1);
  }
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (x) => (x === undefined ? '   n/a' : x.toFixed(3));

const results = [];
for (const c of cases) {
  runOnce(c.argv);
  const samples = Array.from({ length: runs }, () => runOnce(c.argv));
  const walls = samples.map((s) => s.wall);
  const cpus = samples.map((s) => s.cpu).filter((x) => x !== undefined);
  results.push({
    command: `${command.length > 1 ? 'node ' : ''}${path.relative(process.cwd(), bin)} ${c.name}`,
    runs,
    median: median(walls),
    min: Math.min(...walls),
    max: Math.max(...walls),
    cpuMedian: cpus.length ? median(cpus) : undefined,
    target: c.target,
  });
}
rmSync(dir, { recursive: true, force: true });

if (args.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(`node ${process.version}, ${runs} runs each after one warm-up; seconds`);
  console.log('median   min     max     cpu     target  command');
  for (const r of results) {
    const verdict = r.target === undefined ? '' : r.median <= r.target ? 'met' : 'short';
    console.log(
      `${sec(r.median)}   ${sec(r.min)}   ${sec(r.max)}   ${sec(r.cpuMedian)}   ${r.target === undefined ? '  -  ' : r.target.toFixed(2) + ' ' + verdict.padEnd(5)}  ${r.command}`,
    );
  }
}
