/**
 * Fits the statement matcher (data/statements/matcher.json) on all pairs of the statements gold:
 * logistic weights over the features of src/corpus/statements/similarity.ts and the lowest threshold
 * reaching precision 0.95 on their held-out scores (inner cross-validation; see fit.ts). Deterministic: the same gold and PolNeAR give the same file, byte
 * for byte. `newsgraph eval statements` reports the cross-validated figures of this procedure.
 *
 *   npx tsx scripts/statements/fit-matcher.ts [--data ../shared/data]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { features, profile, Vocabulary } from '../../src/corpus/statements/index.js';
import { fitModel } from '../../src/corpus/statements/fit.js';
import { loadStatementsData } from '../../src/eval/statements.js';
import { sharedRoot } from '../../src/eval/index.js';
import { PROJECT_ROOT } from '../../src/util/data.js';

const dataFlag = process.argv.indexOf('--data');
const { data: dataDir } = sharedRoot(dataFlag > 0 ? process.argv[dataFlag + 1] : undefined);
const data = loadStatementsData(dataDir, undefined, (s) => process.stderr.write(s + '\n'));
const vocab = new Vocabulary();
const profiles = new Map([...data.reports].map(([id, r]) => [id, profile(r, vocab)]));
const id = (g: { doc: string; attr: string }) => `${g.doc}#${g.attr}`;
const x = data.pairs.map((p) => features(profiles.get(id(p.a))!, profiles.get(id(p.b))!));
const y = data.pairs.map((p) => p.label === 'same');
const model = fitModel(x, y);
const out = path.join(PROJECT_ROOT, 'data', 'statements', 'matcher.json');
writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
process.stdout.write(`wrote ${out}: threshold ${model.threshold}\n`);
