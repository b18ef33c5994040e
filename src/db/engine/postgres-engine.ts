// PostgreSQL through a `pg` pool: an external server, or the embedded one over its Unix socket.
// LISTEN runs on its own long-lived connection that reconnects when the server drops it.
import pg from "pg";
import type { DatabaseConfig } from "../../config.js";
import type { QueryResult, SqlEngine, SqlSession } from "./engine.js";

export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  poolMax?: number;
}

export function postgresTarget(config: DatabaseConfig): PostgresTarget {
  return {
    host: config.host,
    port: config.port,
    database: config.name,
    user: config.user,
    password: config.password,
    poolMax: config.poolMax,
  };
}

export interface PostgresEngineOptions {
  kind?: "embedded" | "external";
  /** Runs after every connection is closed (the embedded server stops there when unused). */
  afterClose?: () => Promise<unknown>;
}

/** Marks our connections in pg_stat_activity. */
export const APPLICATION_NAME = "openslides-ts";

export class PostgresEngine implements SqlEngine {
  readonly kind: "embedded" | "external";
  private readonly pool: pg.Pool;
  private readonly listeners = new Set<pg.Client>();
  private readonly connection: pg.ClientConfig;

  constructor(
    target: PostgresTarget,
    private readonly options: PostgresEngineOptions = {},
  ) {
    this.kind = options.kind ?? "external";
    const { poolMax, ...connection } = target;
    this.connection = { ...connection, application_name: APPLICATION_NAME };
    this.pool = new pg.Pool({ ...this.connection, max: poolMax ?? 10 });
    // An idle client that loses its connection must not crash the process.
    this.pool.on("error", () => undefined);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await this.pool.query(sql, params);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async withTransaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const session: SqlSession = {
      query: async <Row>(sql: string, params: unknown[] = []) => {
        const result = await client.query(sql, params);
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
      },
    };
    let broken = false;
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      const value = await fn(session);
      await client.query("COMMIT");
      return value;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async listen(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
    let stopped = false;
    let client: pg.Client | undefined;
    const reconnect = () => {
      if (stopped) return;
      setTimeout(() => void connect().then(() => onReconnect?.(), reconnect), 500);
    };
    const connect = async (): Promise<void> => {
      const next = new pg.Client(this.connection);
      next.on("notification", (message) => {
        if (message.channel === channel) onPayload(message.payload ?? "");
      });
      let lost = false;
      const onLost = () => {
        if (lost) return;
        lost = true;
        this.listeners.delete(next);
        next.end().catch(() => undefined);
        reconnect();
      };
      next.on("error", onLost);
      next.on("end", onLost);
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = next;
      this.listeners.add(next);
    };
    await connect();
    return async () => {
      stopped = true;
      client?.removeAllListeners("end");
      if (client) {
        this.listeners.delete(client);
        await client.end().catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((client) => client.end().catch(() => undefined)));
    this.listeners.clear();
    await this.pool.end();
    await this.options.afterClose?.();
  }
}
