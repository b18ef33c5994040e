// Read-your-writes across a deployment: once an action has answered, an autoupdate request in the
// same process and in another process sees what it wrote, every time.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useTwoProcesses, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";

describe("read-your-writes on two server processes", () => {
  const deployment = useTwoProcesses();

  async function loggedIn(server: StartedServer): Promise<Client> {
    const client = new Client(server.url);
    await client.login("admin", "admin");
    return client;
  }

  test("a topic created in one process is in the next autoupdate request of either process, 20 of 20 times", async () => {
    const writer = await loggedIn(deployment.first);
    const readers = { same: await loggedIn(deployment.first), other: await loggedIn(deployment.second) };
    const missed: string[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await writer.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: `ryw-${i}` }] }]);
      assert.equal(created.status, 200, created.text);
      const id = created.body.results[0][0].id as number;
      for (const [name, reader] of Object.entries(readers)) {
        const read = await reader.post("/system/autoupdate?single=1", [{ collection: "topic", ids: [id], fields: { title: null } }]);
        assert.equal(read.status, 200, read.text);
        if (read.body[`topic/${id}/title`] !== `ryw-${i}`) missed.push(`${name} process, topic ${id}`);
      }
    }
    assert.deepEqual(missed, []);
  });
});
