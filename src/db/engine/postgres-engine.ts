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

/** Connections for reads outside of transactions (numbering under an advisory lock). */
const OUTSIDE_POOL_MAX = 2;

export class PostgresEngine implements SqlEngine {
  readonly kind: "embedded" | "external";
  private readonly pool: pg.Pool;
  private readonly listeners = new Set<pg.Client>();
  private readonly connection: pg.ClientConfig;
  private outsidePool: pg.Pool | undefined;

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

  /** A small pool of its own (see SqlEngine.outside), opened on first use. */
  readonly outside: SqlSession = {
    query: async <Row>(sql: string, params: unknown[] = []) => {
      if (!this.outsidePool) {
        this.outsidePool = new pg.Pool({ ...this.connection, max: OUTSIDE_POOL_MAX });
        this.outsidePool.on("error", () => undefined);
      }
      const result = await this.outsidePool.query(sql, params);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async withTransaction<T>(fn: (session: SqlSession) => Promise<T>, options: { locks?: ReadonlyArray<readonly [number, number]> } = {}): Promise<T> {
    const client = await this.pool.connect();
    const locked: Array<readonly [number, number]> = [];
    const session: SqlSession = {
      query: async <Row>(sql: string, params: unknown[] = []) => {
        const result = await client.query(sql, params);
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
      },
    };
    let broken = false;
    let begun = false;
    try {
      for (const key of options.locks ?? []) {
        await client.query("SELECT pg_advisory_lock($1::int4, $2::int4)", [...key]);
        locked.push(key);
      }
      begun = true;
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      const value = await fn(session);
      await client.query("COMMIT");
      return value;
    } catch (error) {
      if (begun) {
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
      }
      throw error;
    } finally {
      // After COMMIT: the next holder's snapshot sees this transaction. A connection that cannot
      // unlock is closed, which releases its session locks.
      for (const key of locked.reverse()) {
        if (broken) break;
        await client.query("SELECT pg_advisory_unlock($1::int4, $2::int4)", [...key]).catch(() => {
          broken = true;
        });
      }
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
    await this.outsidePool?.end();
    await this.options.afterClose?.();
  }
}
