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
import { fitModel } from '../../src/corpus/statements/fit.js';
import { goldPairs, loadStatementsData } from '../../src/eval/statements.js';
import { sharedRoot } from '../../src/eval/index.js';
import { PROJECT_ROOT } from '../../src/util/data.js';

const dataFlag = process.argv.indexOf('--data');
const { data: dataDir } = sharedRoot(dataFlag > 0 ? process.argv[dataFlag + 1] : undefined);
const data = loadStatementsData(dataDir, undefined, (s) => process.stderr.write(s + '\n'));
const { x, y } = goldPairs(data);
const model = fitModel(x, y);
const out = path.join(PROJECT_ROOT, 'data', 'statements', 'matcher.json');
writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
process.stdout.write(`wrote ${out}: threshold ${model.threshold}\n`);
