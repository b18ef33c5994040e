import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";
import { startServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { importModels } from "../../src/setup/import-models.js";
import { readSeed } from "../../src/setup/first-start.js";
import { verifyPassword } from "../../src/auth/passwords.js";

const EXAMPLE_DATA_CLI = fileURLToPath(new URL("../../src/cli/load-example-data.js", import.meta.url));

for (const kind of ENGINES) {
  describe(`data import on the ${kind} engine`, () => {
    let td: TestDatabase;
    before(async () => {
      td = await openTestDatabase(kind);
    });
    after(async () => td?.close());

    test("the example data arrives whole, with reverse relations, and new ids follow it", async () => {
      const data = readSeed("example-data.json") as Record<string, unknown>;
      const result = await importModels(td.db, data);
      assert.equal(result.message, "Data imported, Migration Index set to 100");
      for (const [collection, models] of Object.entries(data)) {
        if (collection === "_migration_index") continue;
        const count = await td.db.count(collection, { field: "id", operator: ">", value: 0 });
        assert.equal(count, Object.keys(models as object).length, collection);
      }
      const users = await td.db.filter("user", undefined, ["username"]);
      assert.deepEqual([...users.values()].map((user) => user.username).sort(), ["a", "admin", "b"]);
      const hashes = await td.db.filter("user", undefined, ["username", "password"]);
      for (const user of hashes.values()) {
        assert.ok(await verifyPassword(String(user.username), String(user.password)), `${String(user.username)} logs in with its name`);
      }
      const motion = await td.db.get("motion/1", ["created"]);
      assert.equal(motion?.created, 1320930000, "ISO timestamps are stored as points in time");
      const poll = await td.db.get("poll/1", ["votescast", "votesvalid"]);
      assert.deepEqual(poll, { id: 1, votescast: "2.000000", votesvalid: "2.000000" });
      const organization = await td.db.get("organization/1", ["theme_ids", "gender_ids", "committee_ids"]);
      assert.deepEqual(organization?.theme_ids, [1, 2, 3]);
      assert.deepEqual(organization?.committee_ids, [1]);
      const maxTopic = await td.db.max("topic", { field: "id", operator: ">", value: 0 }, "id");
      const [nextId] = await td.db.transaction((tx) => tx.reserveIds("topic", 1));
      assert.equal(nextId, Number(maxTopic) + 1);
      await assert.rejects(importModels(td.db, data), /Datastore is not empty\./);
    });
  });
}

describe("first start", () => {
  test("the initial data of production with SUPERADMIN_PASSWORD_FILE", async () => {
    const dir = mkdtempSync(join(tmpdir(), "openslides-secret-"));
    const passwordFile = join(dir, "superadmin");
    writeFileSync(passwordFile, "s3cret-Password\n");
    const server = await startServer({ env: { OPENSLIDES_DEVELOPMENT: "", SUPERADMIN_PASSWORD_FILE: passwordFile } });
    try {
      const client = new Client(server.url);
      await client.login("superadmin", "s3cret-Password");
      const noExampleUser = await new Client(server.url).post("/system/auth/login", { username: "admin", password: "admin" });
      assert.equal(noExampleUser.status, 403, "production loads the initial data, not the example data");
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("npm run example-data loads an empty database and refuses a full one", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "openslides-example-"));
    try {
      const run = () => spawnSync(process.execPath, [EXAMPLE_DATA_CLI], { env: { PATH: process.env.PATH, OPENSLIDES_DATA_DIR: dataDir, OPENSLIDES_DEVELOPMENT: "1" }, encoding: "utf8" });
      const first = run();
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /Data imported/);
      const second = run();
      assert.equal(second.status, 1);
      assert.match(second.stderr, /Datastore is not empty\./);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

test("a fresh machine: the data folder and its parent do not exist yet (npm start in a new clone)", async () => {
  const root = mkdtempSync(join(tmpdir(), "openslides-fresh-"));
  const dataDir = join(root, "clone", ".openslides");
  const server = await startServer({ env: { OPENSLIDES_DATA_DIR: dataDir, OPENSLIDES_DEVELOPMENT: "" } });
  try {
    const health = await new Client(server.url).get("/system/health");
    assert.equal(health.status, 200);
    assert.equal(health.body.database, "embedded");
    assert.ok(existsSync(join(dataDir, "postgres", "PG_VERSION")));
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
