// POST /internal/migrations over HTTP: the internal password, and each command on a database
// at the schema's migration index (nothing to migrate).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });

async function migrations(body: unknown, password: string | null = "openslides"): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (password !== null) headers.authorization = Buffer.from(password).toString("base64");
  const response = await fetch(`${suite.server.url}/internal/migrations`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

test("migrations: stats of a migrated database", async () => {
  const answer = await migrations({ cmd: "stats" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body, {
    success: true,
    stats: { status: "finalized", output: "", current_migration_index: 100, target_migration_index: 100, migratable_models: {} },
  });
});

test("migrations: progress, migrate, finalize and reset have nothing to do", async () => {
  for (const cmd of ["progress", "migrate", "finalize", "reset"]) {
    const answer = await migrations({ cmd });
    assert.equal(answer.status, 200, `${cmd}: ${JSON.stringify(answer.body)}`);
    assert.deepEqual(answer.body, { success: true, status: "finalized", output: "" });
  }
});

test("migrations: unknown or missing command, wrong or missing password", async () => {
  assert.deepEqual(await migrations({ cmd: "unknown" }), { status: 400, body: { success: false, message: "Unknown command: unknown" } });
  assert.deepEqual(await migrations({}), { status: 400, body: { success: false, message: "No command provided" } });
  assert.equal((await migrations({ cmd: "stats" }, "wrong")).status, 401);
  assert.equal((await migrations({ cmd: "stats" }, null)).status, 401);
});
