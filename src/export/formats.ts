/*
 * The export formats and their line ends, apart from the writers: the CLI's start (what `--help`
 * loads) reads these, and loads the writers (the PLOVER one reads the actor conventions through zod)
 * only when it exports.
 */
export const EXPORT_FORMATS = ['gdelt', 'plover', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Line separator of a format. */
export function lineEnd(format: ExportFormat): string {
  return format === 'csv' ? '\r\n' : '\n';
}
