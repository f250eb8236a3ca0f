/** What a `--db` value names, told without loading a database driver (the CLI starts fast). */

/** `postgres://…` or `postgresql://…` names a PostgreSQL database; anything else a SQLite file. */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** The URL with its password masked, for messages and logs. */
export function redactUrl(spec: string): string {
  return spec.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
