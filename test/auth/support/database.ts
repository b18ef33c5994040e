// A uniquely named PostgreSQL database with the generated schema and the users the auth
// tests log in with; dropped again by drop().
import { randomBytes } from "node:crypto";
import pg from "pg";
import { readSchemaSql } from "../../../src/meta/sql/schema-file.js";
import { hashPassword } from "../../../src/auth/passwords.js";
import type { AuthDatabase } from "../../../src/auth/users.js";

export const connection = {
  host: process.env.TEST_DATABASE_HOST ?? "localhost",
  port: Number(process.env.TEST_DATABASE_PORT ?? 5432),
  user: process.env.TEST_DATABASE_USER ?? "openslides",
  password: process.env.TEST_DATABASE_PASSWORD ?? "openslides",
};

/** admin/admin with the OpenSlides 3 SHA-512 hash of seed/example-data.json (spec B7 test vector). */
export const LEGACY_ADMIN_HASH =
  "316af7b2ddc20ead599c38541fbe87e9a9e4e960d4017d6e59de188b41b2758flD5BVZAZ8jLy4nYW9iomHcnkXWkfk3PgBjeiTSxjGG7+fBjMBxsaS1vIiAMxYh+K38l0gDW4wcP+i8tgoc4UBg==";

export const USERS = {
  admin: { id: 1, username: "admin", password: "admin" },
  superadmin: { id: 2, username: "superadmin", password: "secret-superadmin" },
  inactive: { id: 3, username: "inactive", password: "secret-inactive" },
  saml: { id: 4, username: "samluser" },
  limited: { id: 5, username: "limited", password: "secret-limited" },
} as const;

export interface TestDatabase {
  name: string;
  /** A pool on the test database, usable as the auth service's database. */
  pool: pg.Pool;
  db: AuthDatabase;
  drop(): Promise<void>;
}

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...connection, database: "postgres" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function poolFor(name: string): { pool: pg.Pool; db: AuthDatabase } {
  const pool = new pg.Pool({ ...connection, database: name, max: 4 });
  // Dropping the database at the end terminates idle connections; that must not crash the run.
  pool.on("error", () => undefined);
  const db: AuthDatabase = {
    query: async <Row>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as Row[],
  };
  return { pool, db };
}

export async function createTestDatabase(area: string): Promise<TestDatabase> {
  const name = `test_${area}_${randomBytes(6).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const { pool, db } = poolFor(name);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(readSchemaSql());
    await client.query(
      `INSERT INTO theme_t (id, name, accent_500, primary_500, warn_500, organization_id) VALUES (1, 'standard', '#2196f3', '#317796', '#f06400', 1)`,
    );
    await client.query(`INSERT INTO organization_t (id, name, theme_id) VALUES (1, 'Test organization', 1)`);
    const insertUser = `INSERT INTO user_t (id, username, password, is_active, saml_id, organization_id) VALUES ($1, $2, $3, $4, $5, 1)`;
    await client.query(insertUser, [USERS.admin.id, USERS.admin.username, LEGACY_ADMIN_HASH, true, null]);
    await client.query(insertUser, [USERS.superadmin.id, USERS.superadmin.username, await hashPassword(USERS.superadmin.password), true, null]);
    await client.query(insertUser, [USERS.inactive.id, USERS.inactive.username, await hashPassword(USERS.inactive.password), false, null]);
    await client.query(insertUser, [USERS.saml.id, USERS.saml.username, null, true, "saml-id-4"]);
    await client.query(insertUser, [USERS.limited.id, USERS.limited.username, await hashPassword(USERS.limited.password), true, null]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
    await pool.end();
    await onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    throw error;
  }
  client.release();
  return {
    name,
    pool,
    db,
    drop: async () => {
      await pool.end();
      await onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
