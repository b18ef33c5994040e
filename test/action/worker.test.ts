// Long requests (spec 2.8): with OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT=0 every request answers
// 202 at once and its action_worker model ends with the full response.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { loggedInClient, startActionServer, type ActionServer, type Client } from "./support/action-server.js";

let server: ActionServer;
let admin: Client;

before(async () => {
  server = await startActionServer({ OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "0" });
  admin = await loggedInClient(server.url, "admin", "admin");
});

after(async () => {
  await server?.close();
});

async function finishedWorker(fqid: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const worker = await server.db.get(fqid);
    if (worker && worker.state !== "running") return worker;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${fqid} did not finish`);
}

test("202 with an action_worker that ends with the success response", async () => {
  const answer = await admin.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "slow" }] }]);
  assert.equal(answer.status, 202);
  assert.equal(answer.body.status_code, 202);
  assert.equal(answer.body.success, false);
  const [[entry]] = answer.body.results;
  assert.match(entry.fqid, /^action_worker\/\d+$/);
  assert.deepEqual({ name: entry.name, written: entry.written }, { name: "topic.create", written: true });
  assert.equal(answer.body.message, `Action (topic.create) lasts too long. ${entry.fqid} written to database. Get the result from database, when the job is done.`);

  const worker = await finishedWorker(entry.fqid);
  assert.equal(worker.state, "end");
  assert.equal(worker.name, "topic.create");
  assert.equal(worker.user_id, 1);
  const result = worker.result as { success: boolean; results: Array<Array<{ id: number }>> };
  assert.equal(result.success, true);
  assert.ok(await server.db.get(`topic/${result.results[0]![0]!.id}`));
});

test("an action error ends up in the worker's result", async () => {
  const answer = await admin.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1 }] }]);
  assert.equal(answer.status, 202);
  const worker = await finishedWorker(answer.body.results[0][0].fqid);
  assert.equal(worker.state, "end");
  assert.deepEqual(worker.result, {
    success: false,
    message: "Action topic.create: data must contain ['title'] properties",
    action_error_index: 0,
    action_data_error_index: 0,
    message_args: {},
  });
});
