import type { Analysis } from '../model/index.js';
import { toCsv } from './csv.js';
import { toGdelt } from './gdelt.js';
import { toJsonl } from './jsonl.js';
import { toPlover, toPloverRecords } from './plover.js';
import type { ExportFormat } from './formats.js';

export { toCsv, csvField, CSV_COLUMNS } from './csv.js';
export { toGdelt, GDELT_COLUMNS } from './gdelt.js';
export { toJsonl } from './jsonl.js';
export { toPlover, toPloverRecords, type PloverRecord } from './plover.js';
export {
  statementLines,
  STATEMENT_CSV_COLUMNS,
  REPORT_CSV_COLUMNS,
  STATEMENT_EXPORTS,
  type ExportStatement,
  type StatementExport,
} from './statements.js';

export { EXPORT_FORMATS, lineEnd, type ExportFormat } from './formats.js';

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

/**
 * The same export over analyses that arrive in chunks (pages read from a store), so memory holds one
 * chunk at a time: one CSV header, one PLOVER array, GDELT event numbers running on across chunks.
 */
export async function* exportChunks(
  format: ExportFormat,
  chunks: AsyncIterable<readonly Analysis[]>,
): AsyncGenerator<string> {
  let seq = 1;
  let first = true;
  let pending: string | undefined;
  if (format === 'plover') yield '[';
  for await (const chunk of chunks) {
    if (format === 'gdelt') {
      // One line per event row (no header here), so the count of lines numbers the next chunk.
      for (const line of toGdelt(chunk, { firstSeq: seq })) {
        seq++;
        yield line;
      }
    } else if (format === 'csv') {
      let line = 0;
      for (const row of toCsv(chunk)) if (line++ > 0 || first) yield row;
    } else if (format === 'jsonl') {
      yield* toJsonl(chunk);
    } else {
      // The comma goes after a record only once the next one is known, so the array stays valid JSON.
      for (const record of toPloverRecords(chunk)) {
        if (pending !== undefined) yield pending + ',';
        pending = JSON.stringify(record);
      }
    }
    first = false;
  }
  if (format === 'plover') {
    if (pending !== undefined) yield pending;
    yield ']';
  }
}
