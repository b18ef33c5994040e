// The PostgreSQL the runner scripts (conformance, client suite) create their databases on:
// TEST_DATABASE_* as for `npm test`, default localhost:5432, openslides/openslides.
import pg from "pg";

export const database = {
  host: process.env.TEST_DATABASE_HOST ?? "localhost",
  port: Number(process.env.TEST_DATABASE_PORT ?? 5432),
  user: process.env.TEST_DATABASE_USER ?? "openslides",
  password: process.env.TEST_DATABASE_PASSWORD ?? "openslides",
};

/** One statement on the maintenance database (CREATE/DROP DATABASE). */
export async function adminQuery(sql) {
  const client = new pg.Client({ ...database, database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
