// The media service's storage (spec media 3.1): file bytes in PostgreSQL, table
// media.mediafile_data(id, data, mimetype) outside the models schema; id = mediafile id. Rows are
// never deleted. An LRU cache keeps the last 20 files read.


export interface SqlRunner {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface StoredFile {
  data: Buffer;
  mimetype: string;
}

/**
 * Stores a file inside the caller's transaction. `replace` overwrites an existing row (the
 * action path: ids are reserved, so a row can only be left over from a failed element);
 * otherwise an existing id is an error like upstream's unique violation.
 */
export async function storeFile(tx: SqlRunner, id: number, data: Buffer, mimetype: string, replace = true): Promise<void> {
  const conflict = replace ? " ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, mimetype = EXCLUDED.mimetype" : "";
  await tx.query(`INSERT INTO media.mediafile_data (id, data, mimetype) VALUES ($1, $2, $3)${conflict}`, [id, data, mimetype]);
}

class LruCache {
  private readonly entries = new Map<number, StoredFile>();
  constructor(private readonly size: number) {}
  get(id: number): StoredFile | undefined {
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }
  set(id: number, entry: StoredFile): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
  delete(id: number): void {
    this.entries.delete(id);
  }
}

/** One cache per database (tests run several in one process). */
const caches = new WeakMap<object, LruCache>();

export async function loadFile(db: SqlRunner, id: number): Promise<StoredFile | undefined> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LruCache(20)));
  const cached = cache.get(id);
  if (cached) return cached;
  const [row] = await db.query<{ data: Buffer; mimetype: string }>("SELECT data, mimetype FROM media.mediafile_data WHERE id = $1", [id]);
  if (!row) return undefined;
  const file = { data: Buffer.from(row.data), mimetype: String(row.mimetype ?? "") };
  cache.set(id, file);
  return file;
}

/** Copies a stored file to a new id (meeting.clone, forwarding); false when the source is missing. */
export async function duplicateFile(db: SqlRunner, sourceId: number, targetId: number): Promise<boolean> {
  const rows = await db.query(
    "INSERT INTO media.mediafile_data (id, data, mimetype) SELECT $2, data, mimetype FROM media.mediafile_data WHERE id = $1 RETURNING id",
    [sourceId, targetId],
  );
  return rows.length > 0;
}
