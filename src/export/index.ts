import type { Analysis } from '../model/index.js';
import { toCsv } from './csv.js';
import { toGdelt } from './gdelt.js';
import { toJsonl } from './jsonl.js';
import { toPlover } from './plover.js';

export { toCsv, csvField, CSV_COLUMNS } from './csv.js';
export { toGdelt, GDELT_COLUMNS } from './gdelt.js';
export { toJsonl } from './jsonl.js';
export { toPlover, toPloverRecords, type PloverRecord } from './plover.js';

export const EXPORT_FORMATS = ['gdelt', 'plover', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The lines of an export in a format (pure: no I/O). Join with "\n" (CSV: "\r\n"). */
export function exportLines(format: ExportFormat, analyses: Iterable<Analysis>): Generator<string> {
  switch (format) {
    case 'gdelt':
      return toGdelt(analyses);
    case 'plover':
      return toPlover(analyses);
    case 'csv':
      return toCsv(analyses);
    case 'jsonl':
      return toJsonl(analyses);
  }
}

/** Line separator of a format. */
export function lineEnd(format: ExportFormat): string {
  return format === 'csv' ? '\r\n' : '\n';
}
