// The backend seed's curl examples, as written, against the real server with the action
// component's own port opened (development mode, example data).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, type StartedServer } from "../support/server.js";

let server: StartedServer;
let actionPort: string;

before(async () => {
  server = await startServer({ database: "external", env: { OPENSLIDES_COMPONENT_PORTS: "action", ACTION_PORT: "0" } });
  actionPort = `http://127.0.0.1:${server.componentPorts.action}`;
});

after(async () => {
  await server?.stop();
});

const postJson = (url: string, body: string) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body });

test("curl localhost:9002/health lists every action with its JSON schema", async () => {
  const response = await fetch(`${actionPort}/health`);
  assert.equal(response.status, 200);
  const body = (await response.json()) as any;
  assert.equal(body.status, "running");
  assert.equal(body.healthinfo.actions["topic.create"].schema.type, "array");
  assert.deepEqual(body.healthinfo.actions["topic.update"].schema.items.required, ["id"]);
});

test("the seed's topic.create and topic.update POSTs", async () => {
  const created = await postJson(actionPort, '[{"action": "topic.create", "data": [{"meeting_id": 1, "title": "foo"}]}]');
  assert.equal(created.status, 200);
  const createdBody = (await created.json()) as any;
  assert.equal(createdBody.success, true);
  assert.equal(typeof createdBody.results[0][0].id, "number");
  assert.equal(typeof createdBody.results[0][0].sequential_number, "number");

  const updated = await postJson(actionPort, '[{"action": "topic.update", "data": [{"id": 1, "title": "bar"}]}]');
  assert.equal(updated.status, 200);
  assert.deepEqual(((await updated.json()) as any).results, [[null]]);
});

test("the aliases are not on the main port; the prefixed routes are", async () => {
  assert.equal((await fetch(`${server.url}/system/action/health`)).status, 200);
  const anonymous = await postJson(`${server.url}/system/action/handle_request`, '[{"action": "topic.create", "data": [{"meeting_id": 1, "title": "x"}]}]');
  assert.equal(anonymous.status, 403);
});
