// meeting_user.set_data (internal route): an id together with a meeting_id or user_id that
// differs from the stored one is refused and nothing is written.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, runInternal } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const internal = (action: string, data: unknown[]) => runInternal(suite.server.url, action, data);

test("meeting_user.set_data refuses an id whose meeting or user differs from the given one", async () => {
  const created = await internal("meeting_user.set_data", [{ meeting_id: 1, user_id: 1, comment: "before" }]);
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id as number;
  const otherMeeting = await internal("meeting_user.set_data", [{ id, meeting_id: 12, comment: "after" }]);
  assert.equal(otherMeeting.status, 400, JSON.stringify(otherMeeting.body));
  assert.equal(otherMeeting.body.message, "Not permitted to change meeting_id.");
  const otherUser = await internal("meeting_user.set_data", [{ id, user_id: 3, comment: "after" }]);
  assert.equal(otherUser.status, 400, JSON.stringify(otherUser.body));
  assert.equal(otherUser.body.message, "Not permitted to change user_id.");
  const stored = await suite.server.db.get(`meeting_user/${id}`, ["comment", "meeting_id", "user_id"]);
  assert.deepEqual(stored, { id, comment: "before", meeting_id: 1, user_id: 1 });
});
