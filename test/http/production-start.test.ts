import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../support/server.js";
import { Client } from "../support/http.js";

test("production first start: generated superadmin password and keys survive a restart", async () => {
  const first = await startServer({ env: { OPENSLIDES_DEVELOPMENT: "", OPENSLIDES_LOGLEVEL: "info" } });
  let second: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const passwordFile = join(first.dataDir, "superadmin-password");
    const password = readFileSync(passwordFile, "utf8").trim();
    assert.equal(statSync(passwordFile).mode & 0o777, 0o600);
    assert.match(first.logs(), new RegExp(password), "the password is printed once");
    const tokenKey = readFileSync(join(first.dataDir, "secrets", "auth_token_key"), "utf8");
    const client = new Client(first.url);
    await client.login("superadmin", password);
    const wrong = await new Client(first.url).post("/system/auth/login", { username: "superadmin", password: "admin" });
    assert.equal(wrong.status, 403);
    assert.equal(await first.stop({ keepData: true }), 0);

    second = await startServer({ shareWith: first, env: { OPENSLIDES_DEVELOPMENT: "", OPENSLIDES_LOGLEVEL: "info" } });
    assert.doesNotMatch(second.logs(), new RegExp(password), "no second banner");
    assert.equal(readFileSync(join(first.dataDir, "secrets", "auth_token_key"), "utf8"), tokenKey);
    const again = new Client(second.url);
    again.cookie = client.cookie;
    // The session was kept over the graceful restart (docs/auth.md), and the cookie's signature
    // verifies with the kept key (a new key would refuse it).
    const whoAmI = await again.post("/system/auth/who-am-i");
    assert.equal(whoAmI.status, 200);
    assert.equal(whoAmI.body.success, true);
    await again.login("superadmin", password);
  } finally {
    await second?.stop();
    await first.stop();
  }
});
