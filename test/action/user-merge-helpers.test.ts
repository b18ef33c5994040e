// The backend-internal helpers of user.merge_together: assignment_candidate.update,
// motion_editor.update, motion_working_group_speaker.update (weight) and motion_supporter.update
// (meeting_user_id), run over the internal route; the client route refuses them.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const internal = (action: string, data: Record<string, unknown>) =>
  fetch(`${suite.server.url}/internal/handle_request`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: Buffer.from("openslides").toString("base64") },
    body: JSON.stringify([{ action, data: [data] }]),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

test("weight updates and supporter re-assignment", async () => {
  const candidate = await internal("assignment_candidate.update", { id: 1, weight: 7 });
  assert.equal(candidate.status, 200, JSON.stringify(candidate.body));
  assert.equal((await get("assignment_candidate/1", ["weight"]))!.weight, 7);

  const editor = await suite.run(suite.admin, "motion_editor.create", { motion_id: 1, meeting_user_id: 2 });
  assert.equal(editor.status, 200, JSON.stringify(editor.body));
  const editorId = editor.body.results[0][0].id;
  assert.equal((await internal("motion_editor.update", { id: editorId, weight: 3 })).status, 200);
  assert.equal((await get(`motion_editor/${editorId}`, ["weight"]))!.weight, 3);

  const speaker = await suite.run(suite.admin, "motion_working_group_speaker.create", { motion_id: 1, meeting_user_id: 2 });
  assert.equal(speaker.status, 200, JSON.stringify(speaker.body));
  const speakerId = speaker.body.results[0][0].id;
  assert.equal((await internal("motion_working_group_speaker.update", { id: speakerId, weight: 4 })).status, 200);
  assert.equal((await get(`motion_working_group_speaker/${speakerId}`, ["weight"]))!.weight, 4);

  const supporter = await internal("motion_supporter.update", { id: 1, meeting_user_id: 2 });
  assert.equal(supporter.status, 200, JSON.stringify(supporter.body));
  assert.equal((await get("motion_supporter/1", ["meeting_user_id"]))!.meeting_user_id, 2);
  assert.ok(((await get("meeting_user/2", ["motion_supporter_ids"]))!.motion_supporter_ids as number[]).includes(1));
  assert.ok(!(((await get("meeting_user/3", ["motion_supporter_ids"]))!.motion_supporter_ids as number[] | undefined) ?? []).includes(1));
});

test("bad payloads and the client route", async () => {
  const noWeight = await internal("motion_editor.update", { id: 1 });
  assert.equal(noWeight.status, 400);
  assert.equal(noWeight.body.message, "Action motion_editor.update: data must contain ['weight'] properties");
  const client = await suite.run(suite.admin, "assignment_candidate.update", { id: 1, weight: 9 });
  assert.equal(client.status, 400);
  assert.equal((await get("assignment_candidate/1", ["weight"]))!.weight, 7);
});
