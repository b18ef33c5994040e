// assignment.create / update / delete and assignment_candidate.create / delete / sort over HTTP
// on the example data (assignment 1 in phase voting with candidates 1-3, assignment 2 in phase
// search with candidates 4 (meeting_user 3) and 5 (meeting_user 2); the delegate "a" is
// meeting_user 2 in group 5 with assignment.can_nominate_self / _other).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const get = (fqid: string, fields?: string[]) => suite.server.db.get(fqid, fields);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const count = async (collection: string) => (await suite.server.db.filter(collection, undefined, ["id"])).size;
const historyOf = async (fqid: string) =>
  [...(await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"])).values()].flatMap(
    (entry) => entry.entries as string[],
  );

describe("assignment", () => {
  test("create: agenda item, list of speakers, tags and attachments on both sides", async () => {
    const answer = await run(suite.admin, "assignment.create", {
      meeting_id: 1, title: "Board", description: "<p>x</p>", open_posts: 2, phase: "search", number_poll_candidates: true, tag_ids: [2],
      attachment_mediafile_ids: [1], agenda_create: true, agenda_type: "internal",
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const [[result]] = answer.body.results;
    assert.deepEqual(Object.keys(result).sort(), ["id", "sequential_number"]);
    const assignment = await get(`assignment/${result.id}`);
    assert.deepEqual([assignment?.title, assignment?.open_posts, assignment?.phase, assignment?.number_poll_candidates, assignment?.tag_ids], ["Board", 2, "search", true, [2]]);
    assert.deepEqual(assignment?.attachment_meeting_mediafile_ids, [1]);
    const item = await get(`agenda_item/${assignment?.agenda_item_id}`);
    assert.deepEqual([item?.content_object_id, item?.type], [`assignment/${result.id}`, "internal"]);
    assert.equal((await get(`list_of_speakers/${assignment?.list_of_speakers_id}`))?.content_object_id, `assignment/${result.id}`);
    assert.ok(((await get("meeting/1", ["assignment_ids"]))?.assignment_ids as number[]).includes(result.id));
    assert.ok(((await get("tag/2", ["tagged_ids"]))?.tagged_ids as string[]).includes(`assignment/${result.id}`));
  });

  test("create: denied delegate and bad payloads write nothing", async () => {
    const before = await count("assignment");
    const denied = await run(suite.delegate, "assignment.create", { meeting_id: 1, title: "x" });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action assignment.create. Missing Permission: assignment.can_manage");
    const missing = await run(suite.admin, "assignment.create", { meeting_id: 1 });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.message, "Action assignment.create: data must contain ['title'] properties");
    const phase = await run(suite.admin, "assignment.create", { meeting_id: 1, title: "x", phase: "later" });
    assert.equal(phase.status, 400);
    assert.match(phase.body.message, /^Action assignment.create: data.phase must be one of/);
    const negative = await run(suite.admin, "assignment.create", { meeting_id: 1, title: "x", open_posts: -1 });
    assert.equal(negative.body.message, "Action assignment.create: data.open_posts must be bigger than or equal to 0");
    assert.equal(await count("assignment"), before);
  });

  test("update: phase voting adds the candidates missing on the list of speakers", async () => {
    await write("meeting/1", { assignment_poll_add_candidates_to_list_of_speakers: true });
    const los = await get("list_of_speakers/14", ["speaker_ids"]);
    const before = await suite.server.db.getMany("speaker", (los?.speaker_ids as number[] | undefined) ?? [], ["meeting_user_id"]);
    const answer = await run(suite.admin, "assignment.update", { id: 2, phase: "voting", title: "2. Wahl (neu)" });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.results, [[null]]);
    const after = await get("list_of_speakers/14", ["speaker_ids"]);
    const speakers = await suite.server.db.getMany("speaker", after?.speaker_ids as number[], ["meeting_user_id"]);
    const onList = new Set([...speakers.values()].map((s) => s.meeting_user_id));
    assert.ok(onList.has(2) && onList.has(3));
    assert.equal(speakers.size, new Set([...before.values()].map((s) => s.meeting_user_id).concat([2, 3])).size);
    // already voting: nobody added again
    assert.equal((await run(suite.admin, "assignment.update", { id: 2, phase: "voting" })).status, 200);
    assert.equal(((await get("list_of_speakers/14", ["speaker_ids"]))?.speaker_ids as number[]).length, speakers.size);
    await write("meeting/1", { assignment_poll_add_candidates_to_list_of_speakers: false });
    const denied = await run(suite.delegate, "assignment.update", { id: 2, title: "x" });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action assignment.update. Missing Permission: assignment.can_manage");
    assert.equal((await get("assignment/2", ["title"]))?.title, "2. Wahl (neu)");
    await write("assignment/2", { phase: "search" });
  });

  test("delete: candidates, polls, agenda item and list of speakers go along", async () => {
    const created = await run(suite.admin, "assignment.create", { meeting_id: 1, title: "to delete", agenda_create: true });
    const id = created.body.results[0][0].id as number;
    assert.equal((await run(suite.admin, "assignment_candidate.create", { assignment_id: id, meeting_user_id: 3 })).status, 200);
    const poll = await run(suite.admin, "poll.create", { meeting_id: 1, title: "p", content_object_id: `assignment/${id}`, type: "analog", pollmethod: "Y", options: [{ text: "x" }] });
    assert.equal(poll.status, 200, JSON.stringify(poll.body));
    const assignment = await get(`assignment/${id}`);
    const answer = await run(suite.admin, "assignment.delete", { id });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(await get(`assignment/${id}`), undefined);
    assert.equal(await get(`assignment_candidate/${(assignment?.candidate_ids as number[])[0]}`), undefined);
    assert.equal(await get(`poll/${(assignment?.poll_ids as number[])[0]}`), undefined);
    assert.equal(await get(`agenda_item/${assignment?.agenda_item_id}`), undefined);
    assert.equal(await get(`list_of_speakers/${assignment?.list_of_speakers_id}`), undefined);
    assert.ok(!((await get("meeting_user/3", ["assignment_candidate_ids"]))?.assignment_candidate_ids as number[]).includes((assignment?.candidate_ids as number[])[0]!));
    const denied = await run(suite.delegate, "assignment.delete", { id: 2 });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action assignment.delete. Missing Permission: assignment.can_manage");
  });
});

describe("assignment_candidate", () => {
  test("create: the delegate nominates themself in phase search; meeting from the assignment; history", async () => {
    const created = await run(suite.admin, "assignment.create", { meeting_id: 1, title: "Open" });
    const assignmentId = created.body.results[0][0].id as number;
    const answer = await run(suite.delegate, "assignment_candidate.create", { assignment_id: assignmentId, meeting_user_id: 2 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const id = answer.body.results[0][0].id as number;
    const candidate = await get(`assignment_candidate/${id}`);
    assert.deepEqual([candidate?.assignment_id, candidate?.meeting_user_id, candidate?.meeting_id], [assignmentId, 2, 1]);
    assert.deepEqual((await get(`assignment/${assignmentId}`, ["candidate_ids"]))?.candidate_ids, [id]);
    assert.ok(((await get("meeting_user/2", ["assignment_candidate_ids"]))?.assignment_candidate_ids as number[]).includes(id));
    assert.ok(((await get("meeting/1", ["assignment_candidate_ids"]))?.assignment_candidate_ids as number[]).includes(id));
    assert.ok((await historyOf(`assignment/${assignmentId}`)).includes("Candidate added"));

    const removed = await run(suite.delegate, "assignment_candidate.delete", { id });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal(await get(`assignment_candidate/${id}`), undefined);
    assert.equal((await get(`assignment/${assignmentId}`, ["candidate_ids"]))?.candidate_ids, undefined);
    assert.ok((await historyOf(`assignment/${assignmentId}`)).includes("Candidate removed"));
  });

  test("permissions: other nominees, phase voting, missing nomination rights", async () => {
    const group = await get("group/5", ["permissions"]);
    await write("group/5", { permissions: (group?.permissions as string[]).filter((p) => p !== "assignment.can_nominate_other") });
    const other = await run(suite.delegate, "assignment_candidate.create", { assignment_id: 2, meeting_user_id: 1 });
    assert.equal(other.status, 403);
    assert.equal(other.body.message, "You are not allowed to perform action assignment_candidate.create. Missing Permission: assignment.can_nominate_other");
    await write("group/5", { permissions: group?.permissions });
    const voting = await run(suite.delegate, "assignment_candidate.create", { assignment_id: 1, meeting_user_id: 2 });
    assert.equal(voting.status, 403);
    assert.equal(voting.body.message, "You are not allowed to perform action assignment_candidate.create. Missing Permission: assignment.can_manage");
    const deleteVoting = await run(suite.delegate, "assignment_candidate.delete", { id: 3 });
    assert.equal(deleteVoting.body.message, "You are not allowed to perform action assignment_candidate.delete. Missing Permission: assignment.can_manage");
    const sort = await run(suite.delegate, "assignment_candidate.sort", { assignment_id: 1, candidate_ids: [3, 2, 1] });
    assert.equal(sort.status, 403);
    assert.equal(sort.body.message, "You are not allowed to perform action assignment_candidate.sort. Missing Permission: assignment.can_manage");
  });

  test("finished assignments: no new candidates, none removed from outside", async () => {
    const created = await run(suite.admin, "assignment.create", { meeting_id: 1, title: "Done" });
    const assignmentId = created.body.results[0][0].id as number;
    const candidate = await run(suite.admin, "assignment_candidate.create", { assignment_id: assignmentId, meeting_user_id: 3 });
    const id = candidate.body.results[0][0].id as number;
    await write(`assignment/${assignmentId}`, { phase: "finished" });
    const candidates = await count("assignment_candidate");
    const add = await run(suite.admin, "assignment_candidate.create", { assignment_id: assignmentId, meeting_user_id: 2 });
    assert.equal(add.status, 400);
    assert.equal(add.body.message, "It is not permitted to add a candidate to a finished assignment!");
    const remove = await run(suite.admin, "assignment_candidate.delete", { id });
    assert.equal(remove.status, 400);
    assert.equal(remove.body.message, "It is not permitted to remove a candidate from a finished assignment!");
    assert.equal(await count("assignment_candidate"), candidates);
    // the assignment's own delete still takes it along
    assert.equal((await run(suite.admin, "assignment.delete", { id: assignmentId })).status, 200);
    assert.equal(await get(`assignment_candidate/${id}`), undefined);
    const bad = await run(suite.admin, "assignment_candidate.create", { assignment_id: 1 });
    assert.equal(bad.body.message, "Action assignment_candidate.create: data must contain ['meeting_user_id'] properties");
  });

  test("sort: weights 1..n in the given order; all and only the assignment's candidates", async () => {
    const answer = await run(suite.admin, "assignment_candidate.sort", { assignment_id: 1, candidate_ids: [3, 1, 2] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const weights = await suite.server.db.getMany("assignment_candidate", [1, 2, 3], ["weight"]);
    assert.deepEqual([1, 2, 3].map((id) => weights.get(id)?.weight), [2, 3, 1]);
    const missing = await run(suite.admin, "assignment_candidate.sort", { assignment_id: 1, candidate_ids: [3, 1] });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.message, "assignment_candidate sorting failed, because some elements were not included in the call.");
    const foreign = await run(suite.admin, "assignment_candidate.sort", { assignment_id: 1, candidate_ids: [3, 1, 2, 4] });
    assert.equal(foreign.body.message, "assignment_candidate sorting failed, because element assignment_candidate/4 doesn't exist.");
    const twice = await suite.admin.request("assignment_candidate.sort", [{ assignment_id: 1, candidate_ids: [1, 2, 3] }, { assignment_id: 2, candidate_ids: [4, 5] }]);
    assert.equal(twice.status, 400);
  });
});
