// motion_editor and motion_working_group_speaker create / delete / sort over HTTP on the example
// data (meeting 1; meeting users 1 admin, 2 "a", 3 "b"; no editors or speakers yet; the delegate
// "a" lacks motion.can_manage_metadata). Both collections share the same rules.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;
const sorted = (value: unknown) => [...((value as number[] | undefined) ?? [])].sort((a, b) => a - b);

const COLLECTIONS = [
  { collection: "motion_editor", motionField: "editor_ids", meetingUserField: "motion_editor_ids", motionId: 1 },
  { collection: "motion_working_group_speaker", motionField: "working_group_speaker_ids", meetingUserField: "motion_working_group_speaker_ids", motionId: 3 },
];

async function latestHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

let outsider: number | undefined;
/** user 90 with meeting_user 90 in a new meeting (not meeting 1). */
async function outsiderMeetingUser(): Promise<number> {
  if (outsider) return outsider;
  const meeting = await suite.run(suite.admin, "meeting.create", { committee_id: 1, name: "Other", language: "en", set_as_template: true });
  assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
  const meetingId = meeting.body.results[0][0].id;
  const groupId = (await get(`meeting/${meetingId}`, ["default_group_id"])).default_group_id;
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "create", fqid: "user/90", fields: { username: "outsider", is_active: true } },
      { type: "create", fqid: "meeting_user/90", fields: { user_id: 90, meeting_id: meetingId, group_ids: [groupId] } },
      { type: "update", fqid: `group/${groupId}`, fields: { meeting_user_ids: [90] } },
    ]),
  );
  outsider = 90;
  return outsider;
}

for (const { collection, motionField, meetingUserField, motionId } of COLLECTIONS) {
  describe(collection, () => {
    const created: number[] = [];

    test("create: meeting from the motion, weights, both sides of the relations", async () => {
      const historyBefore = await latestHistory(`motion/${motionId}`);
      const answer = await suite.run(suite.admin, `${collection}.create`, { motion_id: motionId, meeting_user_id: 2 });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const id = answer.body.results[0][0].id;
      created.push(id);
      assert.deepEqual(await get(`${collection}/${id}`, ["motion_id", "meeting_user_id", "meeting_id", "weight"]), { id, motion_id: motionId, meeting_user_id: 2, meeting_id: 1, weight: 1 });
      assert.deepEqual((await get(`motion/${motionId}`, [motionField]))[motionField], [id]);
      assert.deepEqual((await get("meeting_user/2", [meetingUserField]))[meetingUserField], [id]);
      assert.ok(((await get("meeting/1", [`${collection}_ids`]))[`${collection}_ids`] as number[]).includes(id));
      assert.deepEqual(await latestHistory(`motion/${motionId}`), historyBefore, "no history");

      const many = await suite.admin.post("/system/action/handle_request", [
        { action: `${collection}.create`, data: [{ motion_id: motionId, meeting_user_id: 3 }, { motion_id: motionId, meeting_user_id: 1, weight: 100 }] },
      ]);
      assert.equal(many.status, 200, JSON.stringify(many.body));
      const ids = many.body.results[0].map((result: { id: number }) => result.id);
      created.push(...ids);
      assert.equal((await get(`${collection}/${ids[0]}`, ["weight"])).weight, 2);
      assert.equal((await get(`${collection}/${ids[1]}`, ["weight"])).weight, 100);
      assert.deepEqual(sorted((await get(`motion/${motionId}`, [motionField]))[motionField]), sorted(created));
    });

    test("create: unique pair, payload, permission, other meeting", async () => {
      const duplicate = await suite.run(suite.admin, `${collection}.create`, { motion_id: motionId, meeting_user_id: 2 });
      assert.equal(duplicate.status, 400);
      assert.equal(duplicate.body.message, "(meeting_user_id, motion_id) must be unique.");
      const empty = await suite.run(suite.admin, `${collection}.create`, {});
      assert.equal(empty.body.message, `Action ${collection}.create: data must contain ['meeting_user_id', 'motion_id'] properties`);
      const wrong = await suite.run(suite.admin, `${collection}.create`, { motion_id: 2, meeting_user_id: 2, wrong_field: "x" });
      assert.equal(wrong.body.message, `Action ${collection}.create: data must not contain {'wrong_field'} properties`);
      const denied = await suite.run(suite.delegate, `${collection}.create`, { motion_id: 2, meeting_user_id: 2 });
      assert.equal(denied.status, 403);
      assert.equal(denied.body.message, `You are not allowed to perform action ${collection}.create. Missing Permission: motion.can_manage_metadata`);
      assert.equal((await get("motion/2", [motionField]))[motionField], undefined, "nothing written");

      // A meeting user of another meeting is refused.
      const outsiderId = await outsiderMeetingUser();
      const outsider = await suite.run(suite.admin, `${collection}.create`, { motion_id: 2, meeting_user_id: outsiderId });
      assert.equal(outsider.status, 400);
      assert.equal(outsider.body.message, "The following models do not belong to meeting 1: ['user/90']");
    });

    test("sort: weights 1..n in the given order; exactly the motion's models", async () => {
      const order = [...created].reverse();
      const answer = await suite.run(suite.admin, `${collection}.sort`, { motion_id: motionId, [`${collection}_ids`]: order });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      for (const [index, id] of order.entries()) assert.equal((await get(`${collection}/${id}`, ["weight"])).weight, index + 1);

      const extra = await suite.run(suite.admin, `${collection}.sort`, { motion_id: motionId, [`${collection}_ids`]: [...order, 999] });
      assert.equal(extra.status, 400);
      assert.equal(extra.body.message, `${collection} sorting failed, because element ${collection}/999 doesn't exist.`);
      const partial = await suite.run(suite.admin, `${collection}.sort`, { motion_id: motionId, [`${collection}_ids`]: order.slice(1) });
      assert.equal(partial.body.message, `${collection} sorting failed, because some elements were not included in the call.`);
      const denied = await suite.run(suite.delegate, `${collection}.sort`, { motion_id: motionId, [`${collection}_ids`]: order });
      assert.equal(denied.status, 403);
      assert.equal(denied.body.message, `You are not allowed to perform action ${collection}.sort. Missing Permission: motion.can_manage_metadata`);
      const missing = await suite.run(suite.admin, `${collection}.sort`, { motion_id: motionId });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.message, `Action ${collection}.sort: data must contain ['${collection}_ids'] properties`);
      const twice = await suite.admin.post("/system/action/handle_request", [
        { action: `${collection}.sort`, data: [{ motion_id: motionId, [`${collection}_ids`]: order }, { motion_id: motionId, [`${collection}_ids`]: order }] },
      ]);
      assert.equal(twice.status, 400);
      assert.equal(twice.body.message, "data must contain less than or equal to 1 items");
    });

    test("delete: both sides; permission; unknown id", async () => {
      const id = created[0]!;
      const denied = await suite.run(suite.delegate, `${collection}.delete`, { id });
      assert.equal(denied.status, 403);
      assert.equal(denied.body.message, `You are not allowed to perform action ${collection}.delete. Missing Permission: motion.can_manage_metadata`);
      const answer = await suite.run(suite.admin, `${collection}.delete`, { id });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(await exists(`${collection}/${id}`), false);
      assert.ok(!((await get(`motion/${motionId}`, [motionField]))[motionField] as number[]).includes(id));
      assert.equal((await get("meeting_user/2", [meetingUserField]))[meetingUserField], undefined);
      const missing = await suite.run(suite.admin, `${collection}.delete`, { id });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.message, `Model '${collection}/${id}' does not exist.`);
    });
  });
}
