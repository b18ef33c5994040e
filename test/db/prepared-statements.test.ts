// Statements sent again and again are prepared on the server and keep a generic plan; one-off
// texts and parameterless (possibly multi-statement) texts stay unnamed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";

for (const engine of ENGINES) {
  describe(`prepared statements (${engine})`, () => {
    let td: TestDatabase;
    before(async () => {
      td = await openTestDatabase(engine);
    });
    after(() => td?.close());

    /** The texts prepared on the connection of one transaction, after running `statements` on it. */
    const preparedAfter = (statements: Array<[string, unknown[]]>) =>
      td.db.engine.withTransaction(async (session) => {
        for (const [sql, params] of statements) await session.query(sql, params);
        const { rows } = await session.query<{ statement: string }>("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql");
        return rows.map((row) => row.statement);
      });

    test("a text seen three times is prepared and answers as before", async () => {
      const sql = "SELECT $1::integer + 1 AS next /* prepared-statements test */";
      const answers: number[] = [];
      await td.db.engine.withTransaction(async (session) => {
        for (let i = 0; i < 6; i++) answers.push((await session.query<{ next: number }>(sql, [i])).rows[0]!.next);
      });
      assert.deepEqual(answers, [1, 2, 3, 4, 5, 6]);
      assert.ok((await preparedAfter([[sql, [7]]])).includes(sql));
    });

    test("a text seen once stays unnamed", async () => {
      const sql = `SELECT $1::integer AS once /* ${Math.random()} */`;
      assert.ok(!(await preparedAfter([[sql, [1]]])).includes(sql));
    });

    test("a text without parameters is never prepared, and several statements in it still run", async () => {
      const sql = "SELECT 1 AS one; SELECT 2 AS two";
      const prepared = await preparedAfter([
        [sql, []],
        [sql, []],
        [sql, []],
        [sql, []],
      ]);
      assert.ok(!prepared.includes(sql));
    });

    test("our connections use generic plans", async () => {
      const { rows } = await td.db.engine.query<{ plan_cache_mode: string }>("SHOW plan_cache_mode");
      assert.equal(rows[0]?.plan_cache_mode, "force_generic_plan");
    });
  });
}
