// PGlite (PostgreSQL compiled to WebAssembly) behind the engine interface, kept for the engine
// benchmark only (bench/database-engine.md): it was the embedded engine before the native server.
// One connection, so statements are serialised by PGlite itself.
import { mkdirSync } from "node:fs";
import { PGlite, type Transaction as PGliteTransaction } from "@electric-sql/pglite";
import { hstore } from "@electric-sql/pglite/contrib/hstore";
import type { QueryResult, SqlEngine, SqlSession } from "../../src/db/engine/engine.js";

export class PGliteEngine implements SqlEngine {
  readonly kind = "embedded";

  private constructor(private readonly db: PGlite) {}

  static async open(dataDir: string): Promise<PGliteEngine> {
    mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir, { extensions: { hstore } });
    return new PGliteEngine(db);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await this.db.query<Row>(sql, params);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async withTransaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx: PGliteTransaction) => {
      await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      return fn({
        query: async <Row>(sql: string, params: unknown[] = []) => {
          // Scripts (the schema) need the simple protocol, which only exec speaks.
          if (params.length === 0) {
            const last = (await tx.exec(sql)).at(-1);
            return { rows: (last?.rows ?? []) as Row[], rowCount: last?.affectedRows ?? 0 };
          }
          const result = await tx.query<Row>(sql, params);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        },
      });
    });
  }

  async listen(channels: readonly string[], onPayload: (channel: string, payload: string) => void): Promise<() => Promise<void>> {
    const stops = await Promise.all(channels.map((channel) => this.db.listen(channel, (payload) => onPayload(channel, payload))));
    return async () => {
      for (const stop of stops) await stop();
    };
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
