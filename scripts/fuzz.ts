/**
 * `npm run fuzz`: the fuzz targets of the test suite (test/fuzz/targets.ts), run much longer. Reports,
 * per target, the inputs tried, the failures (with the seed and the input, to replay) and the slowest
 * input with its time per KB. Exits non-zero on any failure.
 *
 *   npm run fuzz -- [--factor 20] [--seconds 60] [--seed N] [--current FILE]
 *
 * Each input is written to FILE (default: newsgraph-fuzz-current.json in the temp directory) before
 * it runs, so when a run is stopped because it hangs (`timeout 120 npm run fuzz`), FILE holds the
 * input that hung, its target and its batch seed: an endless loop never reports by itself.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  analyzeTarget,
  apiTarget,
  extractorTarget,
  feedTarget,
  fuzzServer,
  type FuzzTarget,
} from '../test/fuzz/targets.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const factor = flag('factor', 20);
const seconds = flag('seconds', 60);
const seed = flag('seed', Date.now() % 2 ** 31);
const currentAt = process.argv.indexOf('--current');
const currentFile =
  currentAt >= 0 ? process.argv[currentAt + 1] : path.join(os.tmpdir(), 'newsgraph-fuzz-current.json');

interface Report {
  target: string;
  inputs: number;
  failures: number;
  slowestMs: number;
  slowestBytes: number;
  slowestMsPerKb: number;
  /** The worst time per KB among inputs of at least 1 KB (fixed costs dominate smaller ones). */
  worstMsPerKb: number;
  worstBytes: number;
  firstFailure?: string;
}

async function run<T>(target: FuzzTarget<T>): Promise<Report> {
  const wanted = target.runs * factor;
  const deadline = performance.now() + seconds * 1000;
  const report: Report = {
    target: target.name,
    inputs: 0,
    failures: 0,
    slowestMs: 0,
    slowestBytes: 0,
    slowestMsPerKb: 0,
    worstMsPerKb: 0,
    worstBytes: 0,
  };
  // Warm-up (models load, code compiles) is not timed: the slowest input is then the input's own cost.
  for (const input of fc.sample(target.arbitrary, { numRuns: 20, seed: seed - 1 })) {
    try {
      await target.check(input);
    } catch {
      /* counted when met again below */
    }
  }
  // Larger inputs than the test suite's: the generators' size grows with the batch number.
  for (let batch = 0; report.inputs < wanted && performance.now() < deadline; batch++) {
    const size = batch % 3 === 0 ? 'small' : batch % 3 === 1 ? 'medium' : 'large';
    // baseSize is a global setting of fast-check, not a parameter of one run.
    fc.configureGlobal({ ...fc.readConfigureGlobal(), baseSize: size });
    const inputs = fc.sample(target.arbitrary, { numRuns: 200, seed: seed + batch });
    for (const input of inputs) {
      if (report.inputs >= wanted || performance.now() >= deadline) break;
      report.inputs++;
      writeFileSync(currentFile, JSON.stringify({ target: target.name, seed: seed + batch, input }));
      const t0 = performance.now();
      try {
        await target.check(input);
      } catch (err) {
        report.failures++;
        report.firstFailure ??= `seed ${seed + batch}: ${err instanceof Error ? err.message : String(err)}\n  input: ${JSON.stringify(input).slice(0, 500)}`;
      }
      const ms = performance.now() - t0;
      const bytes = target.size(input);
      if (bytes >= 1024 && (ms * 1024) / bytes > report.worstMsPerKb) {
        report.worstMsPerKb = (ms * 1024) / bytes;
        report.worstBytes = bytes;
      }
      if (ms > report.slowestMs) {
        report.slowestMs = ms;
        report.slowestBytes = target.size(input);
        report.slowestMsPerKb = ms / Math.max(1 / 1024, report.slowestBytes / 1024);
      }
    }
  }
  return report;
}

process.stdout.write(`fuzz seed ${seed}; each input is written to ${currentFile} before it runs\n`);
const server = await fuzzServer();
const reports: Report[] = [];
try {
  for (const target of [
    analyzeTarget,
    extractorTarget,
    feedTarget,
    apiTarget(server.app),
  ] as FuzzTarget<unknown>[]) {
    const r = await run(target);
    reports.push(r);
    process.stdout.write(
      `${r.target.padEnd(16)} ${String(r.inputs).padStart(7)} inputs  ${r.failures} failures  slowest ${r.slowestMs.toFixed(1)} ms ` +
        `for ${r.slowestBytes} bytes (${r.slowestMsPerKb.toFixed(1)} ms/KB); worst ≥1 KB input ` +
        `${r.worstMsPerKb.toFixed(1)} ms/KB (${r.worstBytes} bytes)\n`,
    );
    if (r.firstFailure) process.stdout.write(`  first failure: ${r.firstFailure}\n`);
  }
} finally {
  await server.close();
}
const total = reports.reduce((n, r) => n + r.inputs, 0);
const failures = reports.reduce((n, r) => n + r.failures, 0);
process.stdout.write(`fuzz: ${total} inputs tried, ${failures} failures (seed ${seed}, factor ${factor})\n`);
process.exitCode = failures > 0 ? 1 : 0;
