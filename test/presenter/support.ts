// A started server on its own external database, logged-in clients, direct SQL for preparing
// data, and a shorthand for calling one presenter.
import argon2 from "argon2";
import pg from "pg";
import { startServer, type StartedServer } from "../support/server.js";
import { Client, type Answer } from "../support/http.js";

export const PRESENTER_PATH = "/system/presenter/handle_request";

export interface PresenterTestServer {
  server: StartedServer;
  admin: Client;
  /** User a (no OML, delegate in meeting 1). */
  userA: Client;
  anonymous: Client;
  sql(statement: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Inserts a user (password = username) with the given columns, logs in (if active) and answers the client and id. */
  createUser(username: string, columns?: Record<string, unknown>): Promise<{ client: Client; id: number }>;
  stop(): Promise<void>;
}

export async function startPresenterServer(): Promise<PresenterTestServer> {
  const server = await startServer({ database: "external" });
  const admin = new Client(server.url);
  await admin.login("admin", "admin");
  const userA = new Client(server.url);
  await userA.login("a", "a");
  const pool = new pg.Pool({
    host: server.env.DATABASE_HOST,
    port: Number(server.env.DATABASE_PORT),
    database: server.env.DATABASE_NAME,
    user: server.env.DATABASE_USER,
    password: server.env.PGPASSWORD,
    max: 1,
  });
  const sql = async (statement: string, params?: unknown[]) => (await pool.query(statement, params)).rows;
  const createUser = async (username: string, columns: Record<string, unknown> = {}) => {
    const values: Record<string, unknown> = { username, password: await argon2.hash(username), organization_id: 1, is_active: true, ...columns };
    const names = Object.keys(values);
    const [row] = await sql(
      `INSERT INTO user_t (${names.join(", ")}) VALUES (${names.map((_, index) => `$${index + 1}`).join(", ")}) RETURNING id`,
      Object.values(values),
    );
    const client = new Client(server.url);
    if (values.is_active !== false) await client.login(username, username);
    return { client, id: row!.id as number };
  };
  return {
    server,
    admin,
    userA,
    anonymous: new Client(server.url),
    sql,
    createUser,
    stop: async () => {
      await pool.end();
      await server.stop();
    },
  };
}

/** Calls one presenter; answers the status and either the single result or the error body. */
export async function present(client: Client, presenter: string, data?: unknown): Promise<{ status: number; body: any; answer: Answer }> {
  const answer = await client.post(PRESENTER_PATH, [data === undefined ? { presenter } : { presenter, data }]);
  return { status: answer.status, body: answer.status === 200 ? answer.body[0] : answer.body, answer };
}
