// Concurrent creates that number alike: each motion gets its own number, because a unique
// violation caused by a twin that committed first is retried on a fresh snapshot.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { loggedInClient, useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });

test("eight motion.create at the same moment all succeed with distinct numbers", async () => {
  const clients = await Promise.all(Array.from({ length: 8 }, () => loggedInClient(suite.server.url, "admin", "admin")));
  const answers = await Promise.all(
    clients.map((client, i) =>
      client.post("/system/action/handle_request", [{ action: "motion.create", data: [{ meeting_id: 1, title: `Twin ${i}`, text: "<p>x</p>", workflow_id: 1 }] }]),
    ),
  );
  for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const ids = answers.map((answer) => answer.body.results[0][0].id as number);
  const motions = await suite.server.db.getMany("motion", ids, ["number"]);
  const numbers = [...motions.values()].map((motion) => motion.number);
  assert.equal(new Set(numbers).size, ids.length, `numbers ${JSON.stringify(numbers)}`);
});

test("a real duplicate still fails with the database's text after the retries", async () => {
  const first = await suite.run(suite.admin, "committee.create", { organization_id: 1, name: "One", external_id: "dup" });
  assert.equal(first.status, 200);
  const second = await suite.run(suite.admin, "committee.create", { organization_id: 1, name: "Two", external_id: "dup" });
  assert.equal(second.status, 400);
  assert.match(second.body.message, /Committee with external_id 'dup' already exists\./);
});
