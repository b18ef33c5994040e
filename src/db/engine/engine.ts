// The smallest surface the database layer needs from a PostgreSQL engine. postgres-engine.ts
// implements it over `pg`, for an external server and for the embedded one (embedded-engine.ts).
export interface QueryResult<Row = Record<string, unknown>> {
  rows: Row[];
  rowCount: number;
}

export interface SqlSession {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

export interface TransactionOptions {
  locks?: ReadonlyArray<readonly [number, number]>;
  beforeCommit?: () => string;
  committed?: (rowsBeforeCommit: Record<string, unknown>[]) => void;
}

export interface SqlEngine extends SqlSession {
  readonly kind: "embedded" | "external";
  /** Runs several statements (no parameters), e.g. the schema. */
  exec(sql: string): Promise<void>;
  /**
   * One REPEATABLE READ transaction on one connection; committed when fn resolves, rolled back
   * when it throws. `locks`: advisory locks (int4 pairs) taken on the connection before BEGIN,
   * so before the snapshot, and released after COMMIT/ROLLBACK. `beforeCommit`: the statements
   * (no parameters) to send in one message with the COMMIT, asked for when it is sent; their last
   * statement's rows go to `committed` once the COMMIT succeeded.
   */
  withTransaction<T>(fn: (session: SqlSession) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Reads outside of every transaction, on connections of their own: a transaction that holds a
   * lock and waits for such a read never waits for a connection held by a transaction waiting
   * for that lock. Absent on engines with one connection (their transactions run one at a time).
   */
  readonly outside?: SqlSession;
  /**
   * LISTEN on channels, all on one connection, so notifications of all of them arrive in commit
   * order; returns the function that stops listening. `onReconnect` is called when the listening
   * connection was lost and listens again (notifications in between are lost).
   */
  listen(channels: readonly string[], onPayload: (channel: string, payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
