/** Which database a command uses when it is not told. */

/** The database used when neither --db nor NEWSGRAPH_DB says otherwise (relative to the working directory). */
export const DEFAULT_DB = 'data/newsgraph.db';

/** The `--db` option, else NEWSGRAPH_DB, else the default file. */
export function resolveDbPath(option?: string): string {
  return option ?? process.env.NEWSGRAPH_DB ?? DEFAULT_DB;
}
