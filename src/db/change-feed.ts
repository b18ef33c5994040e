// The change feed: every committed transaction that wrote models sends NOTIFY os_notify with its
// transaction id (generated triggers); we read what it changed from os_notify_log_t and tell the
// listeners. Works across processes because NOTIFY is delivered to every listening connection.
import type { SqlEngine } from "./engine/engine.js";
import type { ChangeEntry, ChangeListener, ChangeSet } from "./types.js";

interface LogRow {
  operation: string;
  fqid: string;
  updated_fields: string[] | null;
}

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private stop?: () => Promise<void>;
  /** Notifications are handled one after the other, in arrival (= commit) order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: SqlEngine,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Highest transaction id delivered so far (decimal string), for catching up after a reconnect. */
  private lastXactId?: string;

  async start(): Promise<void> {
    this.stop = await this.engine.listen(
      "os_notify",
      (payload) => {
        const xactId = parseXactId(payload);
        if (xactId !== undefined) this.enqueue(() => this.deliver(xactId));
      },
      () => this.enqueue(() => this.catchUp()),
    );
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(this.onError);
  }

  /** After a lost LISTEN connection: deliver every transaction logged since the last one seen. */
  private async catchUp(): Promise<void> {
    if (this.lastXactId === undefined) return;
    const { rows } = await this.engine.query<{ xact_id: string }>(
      "SELECT DISTINCT xact_id::text AS xact_id FROM os_notify_log_t WHERE xact_id > $1::xid8 ORDER BY 1",
      [this.lastXactId],
    );
    for (const row of rows.sort((a, b) => (BigInt(a.xact_id) < BigInt(b.xact_id) ? -1 : 1))) await this.deliver(row.xact_id);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every notification received so far has been delivered. */
  async idle(): Promise<void> {
    await this.queue;
  }

  async close(): Promise<void> {
    await this.stop?.();
    await this.queue.catch(() => undefined);
  }

  private async deliver(xactId: string): Promise<void> {
    if (this.lastXactId === undefined || BigInt(xactId) > BigInt(this.lastXactId)) this.lastXactId = xactId;
    const { rows } = await this.engine.query<LogRow>(
      "SELECT operation, fqid, updated_fields::text[] AS updated_fields FROM os_notify_log_t WHERE xact_id = $1::xid8 ORDER BY id",
      [xactId],
    );
    const change: ChangeSet = { xactId, entries: rows.map(toEntry) };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

// Transaction ids are 64-bit: keep the digits as text rather than going through a JS number.
function parseXactId(payload: string): string | undefined {
  return /"xactId"\s*:\s*"?(\d+)"?/.exec(payload)?.[1];
}

function toEntry(row: LogRow): ChangeEntry {
  const operation = row.operation === "insert" || row.operation === "delete" ? row.operation : "update";
  return { operation, fqid: row.fqid, fields: row.updated_fields ?? null };
}
