import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENGINES, openTestDatabase, type TestDatabase } from "../support/database.js";
import { loadConfig, type Config } from "../../src/config.js";
import { verifyPassword } from "../../src/auth/passwords.js";
import { prepareInitialData } from "../../src/setup/first-start.js";
import { importModels } from "../../src/setup/import-models.js";
import type { Logger } from "../../src/log.js";

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: (message) => lines.push(message), warn: (message) => lines.push(message), error: (message) => lines.push(message) };
}

async function storedPasswordHash(td: TestDatabase): Promise<string> {
  const rows = await td.db.query<{ password: string }>("SELECT password FROM user_t WHERE id = 1");
  return rows[0]!.password;
}

for (const kind of ENGINES) {
  describe(`prepareInitialData on the ${kind} engine`, () => {
    let td: TestDatabase;
    let dataDir: string;
    let config: Config;
    before(async () => {
      td = await openTestDatabase(kind);
      dataDir = mkdtempSync(join(tmpdir(), "openslides-first-start-"));
      config = { ...loadConfig({ OPENSLIDES_DATA_DIR: dataDir }), development: false, superadminPassword: undefined };
    });
    after(async () => {
      await td?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test("an empty database gets the initial data and a generated superadmin password, once", async () => {
      const log = recordingLogger();
      const result = await prepareInitialData(config, td.db, log);
      assert.equal(result.imported, "initial-data.json");
      const password = result.generatedPassword;
      assert.ok(password && password.length >= 20);

      const organization = await td.db.get("organization/1", ["theme_id", "theme_ids", "gender_ids", "user_ids"]);
      assert.equal(organization?.theme_id, 1);
      assert.deepEqual(organization?.theme_ids, [1, 2, 3]);
      assert.deepEqual(organization?.gender_ids, [1, 2, 3, 4]);
      const superadmin = await td.db.get("user/1", ["username", "organization_management_level"]);
      assert.deepEqual(superadmin, { id: 1, username: "superadmin", organization_management_level: "superadmin" });

      const file = join(dataDir, "superadmin-password");
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(readFileSync(file, "utf8").trim(), password);
      assert.ok(await verifyPassword(password, await storedPasswordHash(td)));
      assert.equal(log.lines.filter((line) => line.includes(password)).length, 1, "the password is logged exactly once");

      const [nextUserId] = await td.db.transaction((tx) => tx.reserveIds("user", 1));
      assert.equal(nextUserId, 2);

      const hashBefore = await storedPasswordHash(td);
      const again = await prepareInitialData(config, td.db, recordingLogger());
      assert.deepEqual(again, { imported: undefined });
      assert.equal(await storedPasswordHash(td), hashBefore);
      assert.equal(readFileSync(file, "utf8").trim(), password);
    });
  });

  describe(`prepareInitialData with SUPERADMIN_PASSWORD_FILE on the ${kind} engine`, () => {
    let td: TestDatabase;
    let dataDir: string;
    before(async () => {
      td = await openTestDatabase(kind);
      dataDir = mkdtempSync(join(tmpdir(), "openslides-first-start-"));
    });
    after(async () => {
      await td?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test("the given password is stored and no password file is written", async () => {
      const config = { ...loadConfig({ OPENSLIDES_DATA_DIR: dataDir }), development: false, superadminPassword: "given-Password-1" };
      const result = await prepareInitialData(config, td.db, recordingLogger());
      assert.equal(result.imported, "initial-data.json");
      assert.equal(result.generatedPassword, undefined);
      assert.ok(await verifyPassword("given-Password-1", await storedPasswordHash(td)));
      assert.throws(() => statSync(join(dataDir, "superadmin-password")), { code: "ENOENT" });
    });
  });

  describe(`prepareInitialData in development on the ${kind} engine`, () => {
    let td: TestDatabase;
    let dataDir: string;
    before(async () => {
      td = await openTestDatabase(kind);
      dataDir = mkdtempSync(join(tmpdir(), "openslides-first-start-"));
    });
    after(async () => {
      await td?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test("the example data arrives with admin/admin", async () => {
      const config = { ...loadConfig({ OPENSLIDES_DATA_DIR: dataDir, OPENSLIDES_DEVELOPMENT: "1" }), superadminPassword: undefined };
      const result = await prepareInitialData(config, td.db, recordingLogger());
      assert.equal(result.imported, "example-data.json");
      assert.equal(result.generatedPassword, undefined);
      const rows = await td.db.query<{ password: string }>("SELECT password FROM user_t WHERE username = 'admin'");
      assert.ok(await verifyPassword("admin", rows[0]!.password));
    });
  });
}

describe("importModels checks", () => {
  let td: TestDatabase;
  before(async () => {
    td = await openTestDatabase("external");
  });
  after(async () => td?.close());

  test("a migration index above the backend's is refused and writes nothing", async () => {
    await assert.rejects(importModels(td.db, { _migration_index: 101, organization: { "1": { id: 1, name: "x" } } }), /Migration index/);
    const rows = await td.db.query<{ count: number }>("SELECT count(*)::integer AS count FROM organization_t");
    assert.equal(rows[0]?.count, 0);
  });
});
