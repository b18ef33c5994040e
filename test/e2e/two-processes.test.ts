// Two server processes of one deployment: one external PostgreSQL and one Redis.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useTwoProcesses } from "../support/server.js";
import { Client } from "../support/http.js";

describe("two server processes on one PostgreSQL and one Redis", () => {
  const deployment = useTwoProcesses();

  test("a session made in one process works in the other, and a logout there ends it everywhere", async () => {
    const onFirst = new Client(deployment.first.url);
    await onFirst.login("admin", "admin");
    const onSecond = new Client(deployment.second.url);
    onSecond.cookie = onFirst.cookie;
    onSecond.token = onFirst.token;
    const whoAmI = await onSecond.post("/system/auth/who-am-i");
    assert.equal(whoAmI.status, 200);
    assert.equal(whoAmI.body.success, true);

    const logout = await onFirst.post("/system/auth/secure/logout");
    assert.equal(logout.status, 200);
    const after = await onSecond.post("/system/auth/who-am-i");
    assert.equal(after.status, 403);
    assert.equal(after.body.message, "Not signed in");
  });

  test("a write through one process is read by the other", async () => {
    const writer = new Client(deployment.first.url);
    await writer.login("admin", "admin");
    const created = await writer.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "from the first process" }] }]);
    assert.equal(created.status, 200, created.text);
    const id = created.body.results[0][0].id as number;
    const reader = new Client(deployment.second.url);
    await reader.login("admin", "admin");
    const updated = await reader.post("/system/action/handle_request", [{ action: "topic.update", data: [{ id, title: "changed by the second" }] }]);
    assert.equal(updated.status, 200, updated.text);
  });
});
