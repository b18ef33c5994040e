// PostgreSQL through a `pg` pool: an external server, or the embedded one over its Unix socket.
// LISTEN runs on its own long-lived connection that reconnects when the server drops it.
import type { Client, ClientConfig, Pool, QueryResult as PgQueryResult } from "pg";
import { pg } from "./pg.js";
import type { DatabaseConfig } from "../../config.js";
import type { QueryResult, SqlEngine, SqlSession, TransactionOptions } from "./engine.js";
import { reachable } from "./connection-failure.js";
import { queryConfig } from "./prepared-statements.js";

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
/** A server that does not accept a connection within this time counts as unreachable (503). */
const CONNECT_TIMEOUT_MS = 10_000;
/** Pauses between attempts to listen again after the listening connection was lost. */
const LISTEN_RETRY_FIRST_MS = 250;
const LISTEN_RETRY_MAX_MS = 5_000;

export class PostgresEngine implements SqlEngine {
  readonly kind: "embedded" | "external";
  private readonly pool: Pool;
  private readonly listeners = new Set<Client>();
  private readonly connection: ClientConfig;
  private outsidePool: Pool | undefined;

  constructor(
    target: PostgresTarget,
    private readonly options: PostgresEngineOptions = {},
  ) {
    this.kind = options.kind ?? "external";
    const { poolMax, ...connection } = target;
    // Generic plans for our prepared statements (prepared-statements.ts): with `id = ANY($1)` a
    // custom plan always looks cheaper, so PostgreSQL would plan every execution again.
    this.connection = { ...connection, application_name: APPLICATION_NAME, options: "-c plan_cache_mode=force_generic_plan" };
    this.pool = new pg.Pool({ ...this.connection, max: poolMax ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle client that loses its connection must not crash the process.
    this.pool.on("error", () => undefined);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await reachable(() => this.pool.query(queryConfig(sql, params)));
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  /** A small pool of its own (see SqlEngine.outside), opened on first use. */
  readonly outside: SqlSession = {
    query: async <Row>(sql: string, params: unknown[] = []) => {
      if (!this.outsidePool) {
        this.outsidePool = new pg.Pool({ ...this.connection, max: OUTSIDE_POOL_MAX, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
        this.outsidePool.on("error", () => undefined);
      }
      const pool = this.outsidePool;
      const result = await reachable(() => pool.query(queryConfig(sql, params)));
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };

  async exec(sql: string): Promise<void> {
    await reachable(() => this.pool.query(sql));
  }

  async withTransaction<T>(fn: (session: SqlSession) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await reachable(() => this.pool.connect());
    const locked: Array<readonly [number, number]> = [];
    const session: SqlSession = {
      query: async <Row>(sql: string, params: unknown[] = []) => {
        const result = await reachable(() => client.query(queryConfig(sql, params)));
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
      },
    };
    let broken = false;
    // A checked-out client has no listener of the pool: a connection lost between two statements
    // would otherwise be an unhandled 'error' event that ends the process. The next statement fails.
    const onLost = () => {
      broken = true;
    };
    client.on("error", onLost);
    let begun = false;
    try {
      for (const key of options.locks ?? []) {
        await client.query("SELECT pg_advisory_lock($1::int4, $2::int4)", [...key]);
        locked.push(key);
      }
      begun = true;
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      const value = await fn(session);
      // A simple-protocol message of several statements: the COMMIT runs only if those before it succeeded.
      if (!options.beforeCommit) {
        await client.query("COMMIT");
        return value;
      }
      const results: unknown = await client.query(`${options.beforeCommit()}; COMMIT`);
      // Several statements answer with one result each; the last one is the COMMIT's.
      const beforeCommit = Array.isArray(results) ? (results[results.length - 2] as PgQueryResult | undefined) : undefined;
      options.committed?.(beforeCommit?.rows ?? []);
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
      client.off("error", onLost);
      client.release(broken);
    }
  }

  async listen(channels: readonly string[], onPayload: (channel: string, payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
    let stopped = false;
    let client: Client | undefined;
    let retryTimer: NodeJS.Timeout | undefined;
    let pauseMs = LISTEN_RETRY_FIRST_MS;
    const connect = async (): Promise<Client> => {
      const next = new pg.Client({ ...this.connection, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      next.on("notification", (message) => {
        if (channels.includes(message.channel)) onPayload(message.channel, message.payload ?? "");
      });
      let lost = false;
      const onLost = () => {
        if (lost) return;
        lost = true;
        this.listeners.delete(next);
        next.end().catch(() => undefined);
        // Only a connection that was listening schedules the next attempt; a failed attempt does that itself.
        if (client === next) {
          client = undefined;
          scheduleRetry();
        }
      };
      next.on("error", onLost);
      next.on("end", onLost);
      try {
        await next.connect();
        for (const channel of channels) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        lost = true;
        next.end().catch(() => undefined);
        throw error;
      }
      return next;
    };
    // One attempt at a time, with growing pauses while the server stays away.
    const scheduleRetry = () => {
      if (stopped || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        connect().then(
          (next) => {
            if (stopped) return void next.end().catch(() => undefined);
            client = next;
            this.listeners.add(next);
            pauseMs = LISTEN_RETRY_FIRST_MS;
            onReconnect?.();
          },
          () => {
            pauseMs = Math.min(LISTEN_RETRY_MAX_MS, pauseMs * 2);
            scheduleRetry();
          },
        );
      }, pauseMs);
    };
    client = await connect();
    this.listeners.add(client);
    return async () => {
      stopped = true;
      clearTimeout(retryTimer);
      const last = client;
      client = undefined;
      if (last) {
        last.removeAllListeners("end");
        this.listeners.delete(last);
        await last.end().catch(() => undefined);
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
