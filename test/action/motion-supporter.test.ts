// motion_supporter.create / delete over HTTP on the example data (meeting 1 with
// motions_supporters_min_amount 1 and vote delegations on; the delegate "a" is meeting_user 2 in
// group 5 with motion.can_support but without motion.can_manage_metadata; "b" is meeting_user 3
// and supports motion 3 (supporter 1); motions 1-3 are in state 1 (allow_support), motion 4 in
// state 7 (no support)).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;
const ids = (value: unknown) => (value as number[] | undefined) ?? [];

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const keys = [...entries.keys()].sort((a, b) => a - b);
  return keys.length > 0 ? entries.get(keys[keys.length - 1]!)!.entries : undefined;
}

async function supporterOf(motionId: number, meetingUserId: number): Promise<number | undefined> {
  const found = await suite.server.db.filter(
    "motion_supporter",
    { and_filter: [{ field: "motion_id", operator: "=", value: motionId }, { field: "meeting_user_id", operator: "=", value: meetingUserId }] },
    ["id"],
  );
  return [...found.keys()][0];
}

async function withDelegation<T>(restrict: boolean, body: () => Promise<T>): Promise<T> {
  await write("meeting/1", { users_forbid_delegator_as_supporter: restrict });
  await write("meeting_user/2", { vote_delegated_to_id: 3 });
  await write("meeting_user/3", { vote_delegations_from_ids: [2] });
  try {
    return await body();
  } finally {
    await write("meeting/1", { users_forbid_delegator_as_supporter: false, users_enable_vote_delegations: true });
    await write("meeting_user/2", { vote_delegated_to_id: null });
    await write("meeting_user/3", { vote_delegations_from_ids: null });
  }
}

test("create: own support with motion.can_support; both sides of the relations, no weight, history", async () => {
  const answer = await suite.run(suite.delegate, "motion_supporter.create", { motion_id: 1, meeting_user_id: 2 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id;
  assert.deepEqual(await get(`motion_supporter/${id}`, ["motion_id", "meeting_user_id", "meeting_id"]), { id, motion_id: 1, meeting_user_id: 2, meeting_id: 1 });
  assert.deepEqual((await get("motion/1", ["supporter_ids"])).supporter_ids, [id]);
  assert.deepEqual((await get("meeting_user/2", ["motion_supporter_ids"])).motion_supporter_ids, [id]);
  assert.ok(ids((await get("meeting/1", ["motion_supporter_ids"])).motion_supporter_ids).includes(id));
  assert.deepEqual(await lastHistory("motion/1"), ["Supporters changed"]);

  const duplicate = await suite.run(suite.delegate, "motion_supporter.create", { motion_id: 1, meeting_user_id: 2 });
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.body.message, "(meeting_user_id, motion_id) must be unique.");
  const twice = await suite.admin.post("/system/action/handle_request", [
    { action: "motion_supporter.create", data: [{ motion_id: 2, meeting_user_id: 3 }, { motion_id: 2, meeting_user_id: 3 }] },
  ]);
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, "(meeting_user_id, motion_id) must be unique.");
  assert.equal(await supporterOf(2, 3), undefined);
});

test("create: others' support needs motion.can_manage_metadata", async () => {
  const denied = await suite.run(suite.delegate, "motion_supporter.create", { motion_id: 1, meeting_user_id: 3 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_supporter.create. Missing Permission: motion.can_manage_metadata");
  assert.equal(await supporterOf(1, 3), undefined);
  const answer = await suite.run(suite.admin, "motion_supporter.create", { motion_id: 1, meeting_user_id: 3 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
});

test("create: own support without motion.can_support", async () => {
  const group = await get("group/5", ["permissions"]);
  await write("group/5", { permissions: ids(group.permissions).filter((perm) => perm !== ("motion.can_support" as unknown)) });
  try {
    const denied = await suite.run(suite.delegate, "motion_supporter.create", { motion_id: 2, meeting_user_id: 2 });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action motion_supporter.create. Missing Permission: motion.can_support");
  } finally {
    await write("group/5", { permissions: group.permissions });
  }
});

test("create: state without allow_support; metadata managers may anyway", async () => {
  const refused = await suite.run(suite.delegate, "motion_supporter.create", { motion_id: 4, meeting_user_id: 2 });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.message, "The state does not allow support.");
  assert.equal(await supporterOf(4, 2), undefined);
  const managers = await suite.admin.post("/system/action/handle_request", [
    { action: "motion_supporter.create", data: [{ motion_id: 4, meeting_user_id: 1 }, { motion_id: 4, meeting_user_id: 3 }] },
  ]);
  assert.equal(managers.status, 200, JSON.stringify(managers.body));
  assert.equal(ids((await get("motion/4", ["supporter_ids"])).supporter_ids).length, 2);
});

test("create: support system deactivated (motions_supporters_min_amount = 0), also for managers", async () => {
  await write("meeting/1", { motions_supporters_min_amount: 0 });
  try {
    for (const client of [suite.admin, suite.delegate]) {
      const answer = await suite.run(client, "motion_supporter.create", { motion_id: 2, meeting_user_id: 2 });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.message, "Motion supporters system deactivated.");
    }
  } finally {
    await write("meeting/1", { motions_supporters_min_amount: 1 });
  }
});

test("create: a delegator restricted by users_forbid_delegator_as_supporter", async () => {
  await withDelegation(true, async () => {
    const denied = await suite.run(suite.delegate, "motion_supporter.create", { motion_id: 2, meeting_user_id: 2 });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action motion_supporter.create. Missing Permission: motion.can_manage_metadata");
    await write("meeting/1", { users_enable_vote_delegations: false });
    const delegationsOff = await suite.run(suite.delegate, "motion_supporter.create", { motion_id: 2, meeting_user_id: 2 });
    assert.equal(delegationsOff.status, 200, JSON.stringify(delegationsOff.body));
  });
  await withDelegation(false, async () => {
    const unrestricted = await suite.run(suite.delegate, "motion_supporter.create", { motion_id: 3, meeting_user_id: 2 });
    assert.equal(unrestricted.status, 200, JSON.stringify(unrestricted.body));
  });
});

test("create: payload errors", async () => {
  const empty = await suite.run(suite.admin, "motion_supporter.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action motion_supporter.create: data must contain ['meeting_user_id', 'motion_id'] properties");
  const weight = await suite.run(suite.admin, "motion_supporter.create", { motion_id: 1, meeting_user_id: 1, weight: 2 });
  assert.equal(weight.status, 400);
  assert.equal(weight.body.message, "Action motion_supporter.create: data must not contain {'weight'} properties");
});

test("create: motion.create's supporter_meeting_user_ids go through this action", async () => {
  const answer = await suite.run(suite.admin, "motion.create", { meeting_id: 1, title: "s", text: "t", supporter_meeting_user_ids: [2, 3] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const motionId = answer.body.results[0][0].id;
  assert.ok(await supporterOf(motionId, 2));
  assert.ok(await supporterOf(motionId, 3));
  await write("meeting/1", { motions_supporters_min_amount: 0 });
  try {
    const off = await suite.run(suite.admin, "motion.create", { meeting_id: 1, title: "s", text: "t", supporter_meeting_user_ids: [2] });
    assert.equal(off.status, 400);
    assert.equal(off.body.message, "Motion supporters system deactivated.");
  } finally {
    await write("meeting/1", { motions_supporters_min_amount: 1 });
  }
});

test("delete: own support; both sides, history", async () => {
  const id = (await supporterOf(1, 2))!;
  const answer = await suite.run(suite.delegate, "motion_supporter.delete", { id });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists(`motion_supporter/${id}`), false);
  assert.ok(!ids((await get("motion/1", ["supporter_ids"])).supporter_ids).includes(id));
  assert.ok(!ids((await get("meeting_user/2", ["motion_supporter_ids"])).motion_supporter_ids).includes(id));
  assert.ok(await exists("meeting_user/2"));
  assert.deepEqual(await lastHistory("motion/1"), ["Supporters changed"]);
});

test("delete: others' support, state and system checks, delegator restriction, unknown id", async () => {
  const denied = await suite.run(suite.delegate, "motion_supporter.delete", { id: 1 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_supporter.delete. Missing Permission: motion.can_manage_metadata");
  assert.ok(await exists("motion_supporter/1"));

  const own = (await supporterOf(2, 2))!;
  await write("motion_state/1", { allow_support: false });
  try {
    const refused = await suite.run(suite.delegate, "motion_supporter.delete", { id: own });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.message, "The state does not allow support.");
  } finally {
    await write("motion_state/1", { allow_support: true });
  }
  await write("meeting/1", { motions_supporters_min_amount: 0 });
  try {
    const off = await suite.run(suite.admin, "motion_supporter.delete", { id: own });
    assert.equal(off.status, 400);
    assert.equal(off.body.message, "Motion supporters system deactivated.");
  } finally {
    await write("meeting/1", { motions_supporters_min_amount: 1 });
  }
  await withDelegation(true, async () => {
    const restricted = await suite.run(suite.delegate, "motion_supporter.delete", { id: own });
    assert.equal(restricted.status, 403);
    assert.equal(restricted.body.message, "You are not allowed to perform action motion_supporter.delete. Missing Permission: motion.can_manage_metadata");
  });
  assert.ok(await exists(`motion_supporter/${own}`));

  const byManager = await suite.run(suite.admin, "motion_supporter.delete", { id: own });
  assert.equal(byManager.status, 200, JSON.stringify(byManager.body));
  const missing = await suite.run(suite.admin, "motion_supporter.delete", { id: own });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, `Model 'motion_supporter/${own}' does not exist.`);
});

test("delete: cascades (motion.delete) skip the supporter checks", async () => {
  const id = (await supporterOf(3, 2))!;
  await write("meeting/1", { motions_supporters_min_amount: 0 });
  try {
    const answer = await suite.run(suite.admin, "motion.delete", { id: 3 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  } finally {
    await write("meeting/1", { motions_supporters_min_amount: 1 });
  }
  assert.equal(await exists(`motion_supporter/${id}`), false);
  assert.equal(await exists("motion_supporter/1"), false);
  assert.ok(!ids((await get("meeting_user/3", ["motion_supporter_ids"])).motion_supporter_ids).includes(1));
});
