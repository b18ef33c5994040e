// poll.create / update / delete / anonymize / reset, option.update and the internal option, vote,
// poll_candidate(_list) actions over HTTP on the example data (meeting 1, topic 1, motion 1,
// assignment 1; the delegate "a" has no poll permission).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const get = (fqid: string, fields?: string[]) => suite.server.db.get(fqid, fields);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const count = async (collection: string) => (await suite.server.db.filter(collection, undefined, ["id"])).size;

async function createPoll(data: Record<string, unknown>): Promise<number> {
  const answer = await run(suite.admin, "poll.create", { meeting_id: 1, title: "Poll", content_object_id: "topic/1", ...data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id as number;
}

describe("poll.create", () => {
  test("an analog poll with results is finished; options, votes and the global option on both sides", async () => {
    const answer = await run(suite.admin, "poll.create", {
      meeting_id: 1, title: "Analog", content_object_id: "topic/1", type: "analog", pollmethod: "YNA", global_yes: true, amount_global_yes: "3.000000",
      options: [{ text: "first", Y: "10.000000", N: "5.000000" }, { text: "second" }],
      votesvalid: "15.000000",
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const [[result]] = answer.body.results;
    assert.deepEqual(Object.keys(result).sort(), ["id", "sequential_number"]);
    const poll = await get(`poll/${result.id}`);
    assert.equal(poll?.state, "finished");
    assert.equal(poll?.votesvalid, "15.000000");
    assert.equal(poll?.votesinvalid, "-2.000000");
    assert.equal(poll?.votescast, "-2.000000");
    assert.equal(poll?.is_pseudoanonymized, false);
    assert.equal(poll?.content_object_id, "topic/1");
    assert.ok(((await get("topic/1", ["poll_ids"]))?.poll_ids as number[]).includes(result.id));
    const optionIds = poll?.option_ids as number[];
    assert.equal(optionIds.length, 2);
    const first = await get(`option/${optionIds[0]}`);
    assert.deepEqual([first?.text, first?.weight, first?.yes, first?.no, first?.abstain, first?.poll_id], ["first", 1, "10.000000", "5.000000", "-2.000000", result.id]);
    const second = await get(`option/${optionIds[1]}`);
    assert.deepEqual([second?.text, second?.weight, second?.yes, second?.no, second?.abstain], ["second", 2, "-2.000000", "-2.000000", "-2.000000"]);
    const votes = await suite.server.db.getMany("vote", first?.vote_ids as number[]);
    assert.deepEqual([...votes.values()].map((vote) => [vote.value, vote.weight, vote.meeting_id, vote.option_id]).sort(), [
      ["A", "-2.000000", 1, first?.id], ["N", "5.000000", 1, first?.id], ["Y", "10.000000", 1, first?.id],
    ]);
    assert.equal(new Set([...votes.values()].map((vote) => vote.user_token)).size, 1);
    const globalOption = await get(`option/${poll?.global_option_id}`);
    assert.deepEqual([globalOption?.text, globalOption?.used_as_global_option_in_poll_id, globalOption?.yes, globalOption?.weight], ["global option", result.id, "3.000000", 1]);
    assert.equal(globalOption?.no, undefined);
  });

  test("publish_immediately publishes an analog poll with results; without results it stays created", async () => {
    const published = await createPoll({ type: "analog", pollmethod: "Y", options: [{ text: "x", Y: "1.000000" }], publish_immediately: true });
    assert.equal((await get(`poll/${published}`, ["state"]))?.state, "published");
    const created = await createPoll({ type: "analog", pollmethod: "Y", options: [{ text: "x" }], publish_immediately: true });
    assert.equal((await get(`poll/${created}`, ["state"]))?.state, "created");
  });

  test("a named poll: created, entitled groups on both sides, totals 0, pseudoanonymized only for pseudoanonymous", async () => {
    const id = await createPoll({ type: "named", pollmethod: "YN", entitled_group_ids: [5], options: [{ text: "A" }, { text: "B" }] });
    const poll = await get(`poll/${id}`);
    assert.deepEqual([poll?.state, poll?.votesvalid, poll?.votescast, poll?.votesinvalid, poll?.is_pseudoanonymized], ["created", "0.000000", "0.000000", "0.000000", false]);
    assert.ok(((await get("group/5", ["poll_ids"]))?.poll_ids as number[]).includes(id));
    const pseudo = await createPoll({ type: "pseudoanonymous", pollmethod: "Y", options: [{ text: "A" }] });
    assert.equal((await get(`poll/${pseudo}`, ["is_pseudoanonymized"]))?.is_pseudoanonymized, true);
  });

  test("a list election: candidate user ids become a poll_candidate_list as the option's content", async () => {
    const before = await count("poll_candidate");
    const id = await createPoll({ type: "named", pollmethod: "Y", content_object_id: "assignment/1", options: [{ poll_candidate_user_ids: [3, 2] }] });
    const poll = await get(`poll/${id}`, ["option_ids"]);
    const option = await get(`option/${(poll?.option_ids as number[])[0]}`);
    assert.match(String(option?.content_object_id), /^poll_candidate_list\/\d+$/);
    const list = await get(String(option?.content_object_id));
    assert.equal(list?.option_id, option?.id);
    assert.equal(list?.meeting_id, 1);
    const candidates = await suite.server.db.getMany("poll_candidate", list?.poll_candidate_ids as number[]);
    assert.deepEqual([...candidates.values()].map((c) => [c.user_id, c.weight, c.poll_candidate_list_id]), [[3, 1, list?.id], [2, 2, list?.id]]);
    assert.equal(await count("poll_candidate"), before + 2);
    assert.ok(((await get("user/3", ["poll_candidate_ids"]))?.poll_candidate_ids as number[]).length > 0);
    const history = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: "assignment/1" }, ["entries"]);
    assert.ok([...history.values()].some((entry) => (entry.entries as string[]).includes("Ballot created")));

    // poll.delete takes the options, the list and its candidates along
    const deleted = await run(suite.admin, "poll.delete", { id });
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    assert.equal(await get(`poll/${id}`), undefined);
    assert.equal(await get(`option/${option?.id}`), undefined);
    assert.equal(await get(String(option?.content_object_id)), undefined);
    assert.equal(await count("poll_candidate"), before);
    const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: "assignment/1" }, ["entries"]);
    assert.ok([...entries.values()].some((entry) => (entry.entries as string[]).includes("Ballot deleted")));
  });

  test("a denied delegate, and the permission per content object", async () => {
    const polls = await count("poll");
    const denied = await run(suite.delegate, "poll.create", { meeting_id: 1, title: "x", content_object_id: "topic/1", type: "analog", pollmethod: "Y", options: [{ text: "x" }] });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action poll.create. Missing Permission: poll.can_manage");
    const motion = await run(suite.delegate, "poll.create", { meeting_id: 1, title: "x", content_object_id: "motion/1", type: "analog", pollmethod: "Y", options: [{ text: "x" }] });
    assert.equal(motion.body.message, "You are not allowed to perform action poll.create. Missing Permission: motion.can_manage_polls");
    const assignment = await run(suite.delegate, "poll.create", { meeting_id: 1, title: "x", content_object_id: "assignment/1", type: "analog", pollmethod: "Y", options: [{ text: "x" }] });
    assert.equal(assignment.body.message, "You are not allowed to perform action poll.create. Missing Permission: assignment.can_manage_polls");
    const amounts = await run(suite.delegate, "poll.create", { meeting_id: 1, title: "x", content_object_id: "topic/1", type: "analog", pollmethod: "Y", options: [{ text: "x" }], max_votes_amount: 1, max_votes_per_option: 2 });
    assert.equal(amounts.status, 400, "bad vote amounts are a 400 even for a caller without permission");
    assert.equal(await count("poll"), polls);
  });

  test("bad payloads: nothing written", async () => {
    const polls = await count("poll");
    const options = await count("option");
    const base = { meeting_id: 1, title: "x", content_object_id: "topic/1", type: "analog", pollmethod: "Y", options: [{ text: "x" }] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, options: [] }, "Action poll.create: data.options must contain at least 1 items"],
      [{ ...base, content_object_id: "agenda_item/1" }, "'agenda_item' is not a valid poll collection."],
      [{ ...base, content_object_id: undefined }, "No 'content_object_id' was given"],
      [{ ...base, options: [{ text: "x", content_object_id: "user/1" }] }, "Need one of text, content_object_id or poll_candidate_user_ids."],
      [{ ...base, options: [{ text: "x" }, { text: "x" }] }, "Duplicated option in poll.options: x"],
      [{ ...base, entitled_group_ids: [5] }, "entitled_group_ids is not allowed for analog."],
      [{ ...base, onehundred_percent_base: "entitled" }, "onehundred_percent_base: value entitled is not allowed for analog."],
      [{ ...base, onehundred_percent_base: "YN" }, "This onehundred_percent_base not allowed in this pollmethod."],
      [{ ...base, type: "named", publish_immediately: true }, "publish_immediately only allowed for analog polls."],
      [{ ...base, type: "named", live_voting_enabled: true }, "live_voting_enabled only allowed for named motion polls and some named assignment polls."],
      [{ ...base, max_votes_amount: 2, min_votes_amount: 3 }, "The minimum amount of votes cannot be higher than the maximum amount of votes."],
      [{ ...base, max_votes_per_option: 2 }, "The maximum votes per option cannot be higher than the maximum amount of votes in total."],
      // The vote amounts are checked before the content object and the permissions, as upstream does.
      [{ ...base, content_object_id: undefined, max_votes_amount: 2, min_votes_amount: 5 }, "The minimum amount of votes cannot be higher than the maximum amount of votes."],
    ];
    for (const [data, message] of cases) {
      const answer = await run(suite.admin, "poll.create", data);
      assert.equal(answer.status, 400, `${message}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.message, message);
    }
    await write("organization/1", { enable_electronic_voting: false });
    const electronic = await run(suite.admin, "poll.create", { ...base, type: "named" });
    assert.equal(electronic.body.message, "Electronic voting is not allowed.");
    await write("organization/1", { enable_electronic_voting: true });
    const motion = await get("motion/1", ["state_id"]);
    await write(`motion_state/${motion?.state_id}`, { allow_create_poll: false });
    const state = await run(suite.admin, "poll.create", { ...base, content_object_id: "motion/1" });
    assert.equal(state.body.message, "Motion state doesn't allow to create poll.");
    await write(`motion_state/${motion?.state_id}`, { allow_create_poll: true });
    const anonymous = await run(suite.admin, "group.create", { meeting_id: 1, name: "Anon" });
    const anonymousId = anonymous.body.results[0][0].id;
    await write("meeting/1", { anonymous_group_id: anonymousId });
    const anonymousGroup = await run(suite.admin, "poll.create", { ...base, type: "named", entitled_group_ids: [anonymousId] });
    assert.equal(anonymousGroup.body.message, "Anonymous group is not allowed in entitled_group_ids.");
    await write("meeting/1", { anonymous_group_id: null });
    assert.equal(await count("poll"), polls);
    assert.equal(await count("option"), options);
  });
});

describe("poll.update", () => {
  test("analog totals finish a created poll; missing totals become -2", async () => {
    const id = await createPoll({ type: "analog", pollmethod: "YN", options: [{ text: "x" }] });
    const answer = await run(suite.admin, "poll.update", { id, votescast: "10.000000", title: "new", publish_immediately: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const poll = await get(`poll/${id}`);
    assert.deepEqual([poll?.state, poll?.title, poll?.votescast, poll?.votesvalid, poll?.votesinvalid], ["published", "new", "10.000000", "-2.000000", "-2.000000"]);
  });

  test("locked fields after start, analog-only fields, internal-only fields", async () => {
    const id = await createPoll({ type: "named", pollmethod: "YN", entitled_group_ids: [5], options: [{ text: "x" }] });
    const groups = await run(suite.admin, "poll.update", { id, entitled_group_ids: [3, 5], pollmethod: "YNA", title: "t" });
    assert.equal(groups.status, 200, JSON.stringify(groups.body));
    assert.deepEqual((await get(`poll/${id}`, ["entitled_group_ids"]))?.entitled_group_ids, [3, 5]);
    const totals = await run(suite.admin, "poll.update", { id, votescast: "1.000000", publish_immediately: false });
    assert.equal(totals.status, 400);
    assert.equal(totals.body.message, "Following options are not allowed in this state and type: votescast, publish_immediately");
    await write(`poll/${id}`, { state: "finished" });
    const locked = await run(suite.admin, "poll.update", { id, pollmethod: "Y", max_votes_amount: 2, entitled_group_ids: [5] });
    assert.equal(locked.body.message, "Following options are not allowed in this state and type: pollmethod, max_votes_amount, entitled_group_ids");
    const internal = await run(suite.admin, "poll.update", { id, entitled_users_at_stop: [] });
    assert.equal(internal.status, 400);
    assert.equal(internal.body.message, "data must not contain {'entitled_users_at_stop'} properties");
    const denied = await run(suite.delegate, "poll.update", { id, title: "x" });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action poll.update. Missing Permission: poll.can_manage");
    assert.equal((await get(`poll/${id}`, ["title"]))?.title, "t");
  });
});

describe("option.update", () => {
  test("analog values become votes, finish the poll and publish it", async () => {
    const id = await createPoll({ type: "analog", pollmethod: "YN", options: [{ text: "x" }] });
    const optionId = ((await get(`poll/${id}`, ["option_ids"]))?.option_ids as number[])[0];
    const answer = await run(suite.admin, "option.update", { id: optionId, Y: "4.000000", publish_immediately: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const option = await get(`option/${optionId}`);
    assert.deepEqual([option?.yes, option?.no, option?.abstain], ["4.000000", "-2.000000", undefined]);
    const votes = await suite.server.db.getMany("vote", option?.vote_ids as number[], ["value", "weight"]);
    assert.deepEqual([...votes.values()].map((vote) => `${vote.value}:${vote.weight}`).sort(), ["N:-2.000000", "Y:4.000000"]);
    assert.equal((await get(`poll/${id}`, ["state"]))?.state, "published");
    const again = await run(suite.admin, "option.update", { id: optionId, Y: "5.000000", N: "1.000000" });
    assert.equal(again.status, 200);
    const updated = await suite.server.db.getMany("vote", option?.vote_ids as number[], ["value", "weight"]);
    assert.deepEqual([...updated.values()].map((vote) => `${vote.value}:${vote.weight}`).sort(), ["N:1.000000", "Y:5.000000"]);
    const abstain = await run(suite.admin, "option.update", { id: optionId, A: "1.000000" });
    assert.equal(abstain.status, 400);
    assert.equal(abstain.body.message, "Pollmethod YN does not support abstain votes");
    const globalOption = (await get(`poll/${id}`, ["global_option_id"]))?.global_option_id;
    const global = await run(suite.admin, "option.update", { id: globalOption, Y: "1.000000" });
    assert.equal(global.body.message, "Global yes votes are not allowed for this poll");
    const denied = await run(suite.delegate, "option.update", { id: optionId, Y: "1.000000" });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action option.update. Missing Permission: poll.can_manage");
  });
});

describe("poll.anonymize, poll.reset, internal actions", () => {
  test("anonymize removes the voters of a finished named poll; reset deletes votes and totals", async () => {
    const id = await createPoll({ type: "named", pollmethod: "Y", entitled_group_ids: [5], options: [{ text: "x" }] });
    const optionId = ((await get(`poll/${id}`, ["option_ids"]))?.option_ids as number[])[0];
    const notFinished = await run(suite.admin, "poll.anonymize", { id });
    assert.equal(notFinished.body.message, "Anonymizing can only be done after finishing a poll.");
    const [voteId] = await suite.server.db.transaction((tx) => tx.reserveIds("vote", 1));
    await suite.server.db.transaction((tx) =>
      tx.write([
        { type: "create", fqid: `vote/${voteId}`, fields: { id: voteId, option_id: optionId, meeting_id: 1, value: "Y", weight: "1.000000", user_token: "t", user_id: 2, delegated_user_id: 3 } },
        { type: "update", fqid: `poll/${id}`, fields: { state: "finished", voted_ids: [2], votescast: "1.000000", votesvalid: "1.000000" } },
        { type: "update", fqid: `option/${optionId}`, fields: { yes: "1.000000" } },
      ]),
    );
    const answer = await run(suite.admin, "poll.anonymize", { id });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const vote = await get(`vote/${voteId}`);
    assert.equal(vote?.user_id, undefined);
    assert.equal(vote?.delegated_user_id, undefined);
    assert.equal((await get(`poll/${id}`, ["is_pseudoanonymized"]))?.is_pseudoanonymized, true);
    assert.ok(!(((await get("user/2", ["vote_ids"]))?.vote_ids as number[] | undefined) ?? []).includes(voteId!));

    const analog = await createPoll({ type: "analog", pollmethod: "Y", options: [{ text: "x", Y: "1.000000" }] });
    assert.equal((await run(suite.admin, "poll.anonymize", { id: analog })).body.message, "You can only anonymize named polls.");

    const reset = await run(suite.admin, "poll.reset", { id });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    const poll = await get(`poll/${id}`);
    assert.deepEqual([poll?.state, poll?.voted_ids, poll?.votescast, poll?.votesvalid, poll?.is_pseudoanonymized], ["created", undefined, undefined, undefined, false]);
    assert.equal(await get(`vote/${voteId}`), undefined);
    const option = await get(`option/${optionId}`);
    assert.deepEqual([option?.yes, option?.no, option?.abstain, option?.vote_ids], ["0.000000", "0.000000", "0.000000", undefined]);
    const denied = await run(suite.delegate, "poll.reset", { id });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action poll.reset. Missing Permission: poll.can_manage");
  });

  test("internal actions are not reachable from outside", async () => {
    for (const action of ["vote.create", "option.create", "poll.set_state", "poll_candidate_list.create", "poll_candidate.create", "vote.anonymize", "option.set_auto_fields"]) {
      const answer = await suite.admin.request(action, [{ id: 1 }]);
      assert.equal(answer.status, 400, action);
      assert.equal(answer.body.message, `Action ${action} does not exist.`, action);
    }
  });
});
