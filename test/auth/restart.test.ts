// Without Redis the sessions live in the server process; a graceful restart keeps them in the
// data folder, so a browser stays logged in. A session ended before the restart stays ended.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../support/server.js";
import { Client } from "../support/http.js";

test("a graceful restart keeps the sessions of the in-process cache, not the ended ones", async () => {
  const first = await startServer();
  let second: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const kept = new Client(first.url);
    await kept.login("admin", "admin");
    const ended = new Client(first.url);
    await ended.login("admin", "admin");
    const endedCookie = ended.cookie!;
    assert.equal((await ended.post("/system/auth/secure/logout/", {})).status, 200);
    await first.stop({ keepData: true });
    assert.ok(existsSync(join(first.dataDir, "cache.json")), "the cache was written at shutdown");

    second = await startServer({ shareWith: first });
    assert.ok(!existsSync(join(first.dataDir, "cache.json")), "the kept cache is removed once read");
    const whoAmI = async (cookie: string) =>
      (await fetch(`${second!.url}/system/auth/who-am-i`, { method: "POST", headers: { cookie } }).then((answer) => answer.json())) as { success?: boolean; message?: string };
    const stillIn = await whoAmI(kept.cookie!);
    assert.equal(stillIn.success, true, `the session survived: ${JSON.stringify(stillIn)}`);
    const out = await whoAmI(endedCookie);
    assert.notEqual(out.success, true, "the logged-out session stays ended");
  } finally {
    if (second) await second.stop();
    else await first.stop();
  }
});
