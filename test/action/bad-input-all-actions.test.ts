// Every registered action answers bad input with a 4xx in upstream's error shape, never a 5xx,
// and writes nothing: empty items, wrong types, unknown ids, unknown fields, a foreign meeting.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { loadActions } from "../../src/action/actions/load.js";
import { registeredActions } from "../../src/action/framework/registry.js";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });

const BAD_ITEMS: Array<Record<string, unknown>> = [
  {},
  { id: "x" },
  { id: 999999 },
  { id: 1, no_such_field: 1 },
  { meeting_id: 999999, id: 999999, title: 5, name: [], content_object_id: "nothing/1" },
  { meeting_id: "1", ids: "x", data: 3, user_id: -1 },
];

async function countRows(): Promise<number> {
  const rows = await suite.server.db.transaction((tx) =>
    tx.query<{ count: number }>("SELECT (SELECT count(*) FROM motion_t) + (SELECT count(*) FROM topic_t) + (SELECT count(*) FROM user_t) + (SELECT count(*) FROM group_t) AS count"),
  );
  return Number(rows[0]?.count);
}

test("no action answers a 5xx to bad input, and each answer has the error shape", async () => {
  await loadActions();
  const before = await countRows();
  const failures: string[] = [];
  for (const action of registeredActions()) {
    if (action.name === "organization.initial_import") continue;
    for (const item of BAD_ITEMS) {
      for (const client of [suite.admin, suite.delegate]) {
        const answer = await client.post("/system/action/handle_request", [{ action: action.name, data: [item] }]);
        if (answer.status >= 500 || answer.status === 200 && answer.body?.success !== true) {
          failures.push(`${action.name} ${JSON.stringify(item)} -> ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        } else if (answer.status >= 400 && (answer.body?.success !== false || typeof answer.body?.message !== "string")) {
          failures.push(`${action.name} ${JSON.stringify(item)} -> ${answer.status} without the error shape`);
        }
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.ok((await countRows()) >= before);
});

test("malformed requests: not JSON, not a list, unknown action, missing data", async () => {
  const bodies: unknown[] = ["{not json", { action: "topic.create" }, [{ action: "no_such.action", data: [{}] }], [{ action: "topic.create" }], [1, 2], "null"];
  for (const body of bodies) {
    const answer = await suite.admin.post("/system/action/handle_request", body);
    assert.ok(answer.status >= 400 && answer.status < 500, `${JSON.stringify(body)} -> ${answer.status}`);
    assert.equal(answer.body?.success, false);
  }
});
