// The contract of the database layer. Actions, presenters, auth and the in-memory state use
// only these types; src/db implements them on the embedded or an external PostgreSQL.

/** "collection/id" */
export type Fqid = string;
/** A model as upstream encodes it: only non-null fields; decimals as "1.000000", timestamps as unix seconds. */
export type Model = Record<string, unknown>;

export type FilterOperatorName = "=" | "!=" | "<" | ">" | "<=" | ">=" | "~=" | "%=" | "in" | "has";

export interface FilterOperator {
  field: string;
  operator: FilterOperatorName;
  value: unknown;
}
export interface AndFilter {
  and_filter: Filter[];
}
export interface OrFilter {
  or_filter: Filter[];
}
export interface NotFilter {
  not_filter: Filter;
}
export type Filter = FilterOperator | AndFilter | OrFilter | NotFilter;

export interface ReadOptions {
  /** Append FOR UPDATE inside a transaction (upstream lock_result). Default false. */
  lock?: boolean;
}

export interface Reader {
  /** One model with the given fields (all model fields when omitted); undefined when it does not exist. */
  get(fqid: Fqid, fields?: string[], options?: ReadOptions): Promise<Model | undefined>;
  /** Several models of one collection; missing ids are absent from the map. */
  getMany(collection: string, ids: number[], fields?: string[], options?: ReadOptions): Promise<Map<number, Model>>;
  /** Models matching the filter (all models when filter is undefined). */
  filter(collection: string, filter: Filter | undefined, fields?: string[], options?: ReadOptions): Promise<Map<number, Model>>;
  exists(collection: string, filter: Filter): Promise<boolean>;
  count(collection: string, filter: Filter): Promise<number>;
  min(collection: string, filter: Filter, field: string): Promise<number | string | undefined>;
  max(collection: string, filter: Filter, field: string): Promise<number | string | undefined>;
  /**
   * Models of several collections in one statement (the state's reads after a change): per
   * collection, the given ids with the given fields (plus id); missing ids are absent.
   * Each collection's ids are limited to the reader's batch size (5000).
   */
  getManyOfCollections(reads: readonly CollectionRead[]): Promise<Map<string, Map<number, Model>>>;
}

export interface CollectionRead {
  collection: string;
  ids: readonly number[];
  fields: readonly string[];
}

export interface CreateEvent {
  type: "create";
  fqid: Fqid;
  fields: Model;
}
export interface UpdateEvent {
  type: "update";
  fqid: Fqid;
  fields?: Model;
  list_fields?: { add?: Record<string, unknown[]>; remove?: Record<string, unknown[]> };
}
export interface DeleteEvent {
  type: "delete";
  fqid: Fqid;
}
export type WriteEvent = CreateEvent | UpdateEvent | DeleteEvent;

export interface Writer {
  /** Applies the events in order; returns per created/updated fqid the fields read back (id, sequential_number, ...). */
  write(events: WriteEvent[]): Promise<Record<Fqid, Model>>;
  /** Reserves n fresh ids of the collection's identity sequence. */
  reserveIds(collection: string, count: number): Promise<number[]>;
  /** reserveIds for several collections in one statement: the ids per request, in its order. */
  reserveIdsOfCollections(requests: ReadonlyArray<readonly [collection: string, count: number]>): Promise<number[][]>;
}

export interface Transaction extends Reader, Writer {
  /** Raw SQL inside the transaction, for the few places that need it (presenters, importers). */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Numbering without races: waits for the transaction-scoped advisory lock (kind, key), e.g.
   * ("motion.number", meeting id), held until this transaction ends, and returns a reader of
   * everything committed by now. The transaction's own snapshot may be older than the lock (it
   * is taken at the first query), so what an earlier holder of the lock committed is visible
   * only to that reader; this transaction's uncommitted writes only to the transaction.
   */
  lockNumbering(kind: string, key: number): Promise<Reader>;
  /**
   * Raw SQL on a connection of its own, seeing everything committed by now (not this
   * transaction's snapshot, nor its own uncommitted writes). For rows this transaction has just
   * locked against further writers (e.g. the ballots of a poll it stopped).
   */
  queryCommitted<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface ChangeEntry {
  operation: "insert" | "update" | "delete";
  fqid: Fqid;
  /** Changed fields; null means all fields of the model (insert, delete). */
  fields: string[] | null;
}

export interface ChangeSet {
  /** PostgreSQL transaction id (xid8) as a decimal string. */
  xactId: string;
  entries: ChangeEntry[];
}

export type ChangeListener = (change: ChangeSet) => void;

export interface TransactionOptions {
  /** Send a change-feed barrier with the COMMIT, for ownCommitsAppliedWithin. */
  readYourWrites?: boolean;
}

export interface Database extends Reader {
  /** Runs fn in one REPEATABLE READ transaction; retried on serialization failure (ACTION_MAX_RETRIES). */
  transaction<T>(fn: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Raw SQL outside of a transaction. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Every committed transaction of any process on this database, as read from os_notify_log_t. */
  onChange(listener: ChangeListener): () => void;
  /**
   * Registers a follower of the changes (the state): `settled` resolves when it has applied what
   * it received. Returns the function that removes it.
   */
  addFollower(settled: () => Promise<void>): () => void;
  /**
   * Read-your-writes: true once every change committed before the call has reached the listeners
   * and the followers applied it; false when that did not happen within `timeoutMs` (e.g. the
   * database is away). Never rejects.
   */
  caughtUpWithin(timeoutMs: number): Promise<boolean>;
  /**
   * Read-your-writes for transactions run with `readYourWrites`: true once the changes of every
   * such transaction of this process that committed before the call (and of everything committed
   * before them) have reached the listeners and the followers applied them; false on timeout.
   * Costs no statement: their barriers went with their COMMITs. Never rejects.
   */
  ownCommitsAppliedWithin(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Errors of the database layer carry the upstream message texts (e.g. "Model 'motion/5' does not exist."). */
export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly kind: "model_does_not_exist" | "model_exists" | "invalid_format" | "invalid_request" | "serialization" | "constraint" | "unavailable" | "other" = "other",
    /** PostgreSQL's SQLSTATE when the error came from the database. */
    readonly sqlState?: string,
  ) {
    super(message);
  }
}

/** The database cannot be reached (server down, restarting, connection lost): answered with 503, worth retrying. */
export class DatabaseUnavailableError extends DatabaseError {
  constructor(readonly failure?: unknown) {
    super("The database is not reachable at the moment. Please try again later.", "unavailable");
  }
}
