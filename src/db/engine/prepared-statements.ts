// Server-side prepared statements for the statements this process sends again and again.
//
// An unnamed statement is parsed and planned by PostgreSQL on every execution. Many of ours read
// the schema's views, whose plans cost far more than running them (2 to 3 ms to plan the state's
// read of a topic.create's models, 0.3 ms to run it). A named statement is parsed once per
// connection, and after five executions PostgreSQL may keep a generic plan for it.
//
// A text gets a name only once it has been seen a few times, so one-off texts (long id lists,
// rare combinations of collections) do not fill every connection's memory; the number of names is
// capped, which also caps the prepared statements of each connection. `pg` remembers per
// connection which names it has parsed there.
const SEEN_BEFORE_NAMING = 3;
const MAX_NAMES = 1_000;
const MAX_COUNTED = 20_000;
const MAX_TEXT_LENGTH = 16 * 1024;

const names = new Map<string, string>();
const counts = new Map<string, number>();

/** The name for this statement text, or undefined while it should stay an unnamed statement. */
export function preparedStatementName(sql: string): string | undefined {
  const name = names.get(sql);
  if (name !== undefined || sql.length > MAX_TEXT_LENGTH || names.size >= MAX_NAMES) return name;
  const seen = (counts.get(sql) ?? 0) + 1;
  if (seen < SEEN_BEFORE_NAMING) {
    if (counts.size >= MAX_COUNTED) counts.clear();
    counts.set(sql, seen);
    return undefined;
  }
  counts.delete(sql);
  const named = `os_${names.size + 1}`;
  names.set(sql, named);
  return named;
}

/** A `pg` query config: named when the text has earned it. */
export function queryConfig(sql: string, params: unknown[]): { text: string; values: unknown[]; name?: string } {
  // Without parameters a text may hold several statements (simple protocol), which cannot be prepared.
  const name = params.length > 0 ? preparedStatementName(sql) : undefined;
  return name === undefined ? { text: sql, values: params } : { text: sql, values: params, name };
}
