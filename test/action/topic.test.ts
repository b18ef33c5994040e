// topic.create / update / delete over HTTP on the example data (meeting 1): the seed's curl
// examples, both sides of every relation in the database views, permissions, bad payloads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loggedInClient, startActionServer, type ActionServer, type Client } from "./support/action-server.js";

let server: ActionServer;
let admin: Client;
let delegate: Client;

before(async () => {
  server = await startActionServer();
  admin = await loggedInClient(server.url, "admin", "admin");
  delegate = await loggedInClient(server.url, "a", "delegate");
});

after(async () => {
  await server?.close();
});

const model = (fqid: string, fields?: string[]) => server.db.get(fqid, fields);
const topicCount = async () => (await server.db.filter("topic", undefined, ["id"])).size;

describe("topic.create", () => {
  test("the seed example creates the topic with its agenda item and list of speakers", async () => {
    const before = await model("meeting/1", ["topic_ids", "agenda_item_ids", "list_of_speakers_ids"]);
    const answer = await admin.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "foo" }] }]);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.success, true);
    assert.equal(answer.body.status_code, 200);
    assert.equal(answer.body.message, "Actions handled successfully");
    const [[result]] = answer.body.results;
    assert.deepEqual(Object.keys(result).sort(), ["id", "sequential_number"]);

    const topic = await model(`topic/${result.id}`);
    assert.ok(topic);
    assert.equal(topic.title, "foo");
    assert.equal(topic.meeting_id, 1);
    assert.equal(topic.sequential_number, result.sequential_number);
    const agendaItem = await model(`agenda_item/${topic.agenda_item_id}`);
    assert.deepEqual(
      { content_object_id: agendaItem?.content_object_id, meeting_id: agendaItem?.meeting_id, type: agendaItem?.type, closed: agendaItem?.closed },
      { content_object_id: `topic/${result.id}`, meeting_id: 1, type: "common", closed: false },
    );
    assert.equal(agendaItem?.level, 0);
    const los = await model(`list_of_speakers/${topic.list_of_speakers_id}`);
    assert.equal(los?.content_object_id, `topic/${result.id}`);
    assert.equal(los?.closed, false);

    const meeting = await model("meeting/1", ["topic_ids", "agenda_item_ids", "list_of_speakers_ids"]);
    assert.deepEqual(meeting?.topic_ids, [...(before?.topic_ids as number[]), result.id]);
    assert.ok((meeting?.agenda_item_ids as number[]).includes(topic.agenda_item_id as number));
    assert.ok((meeting?.list_of_speakers_ids as number[]).includes(topic.list_of_speakers_id as number));
  });

  test("agenda fields, tags and attachments reach the agenda item, the tag and the meeting mediafile", async () => {
    const answer = await admin.request("topic.create", [
      { meeting_id: 1, title: "more", agenda_type: "internal", agenda_duration: 60, agenda_tag_ids: [2], attachment_mediafile_ids: [1] },
    ]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const id = answer.body.results[0][0].id;
    const topic = await model(`topic/${id}`);
    assert.deepEqual(topic?.attachment_meeting_mediafile_ids, [1]);
    assert.equal(topic?.agenda_type, undefined);
    const agendaItem = await model(`agenda_item/${topic?.agenda_item_id}`);
    assert.equal(agendaItem?.type, "internal");
    assert.equal(agendaItem?.is_internal, true);
    assert.equal(agendaItem?.duration, 60);
    assert.deepEqual(agendaItem?.tag_ids, [2]);
    assert.ok(((await model("tag/2", ["tagged_ids"]))?.tagged_ids as string[]).includes(`agenda_item/${agendaItem?.id}`));
    assert.ok(((await model("meeting_mediafile/1", ["attachment_ids"]))?.attachment_ids as string[]).includes(`topic/${id}`));
  });

  test("several topics in one request get consecutive agenda weights and sequential numbers", async () => {
    const answer = await admin.post("/system/action/handle_request", [
      { action: "topic.create", data: [{ meeting_id: 1, title: "w1" }, { meeting_id: 1, title: "w2" }] },
      { action: "topic.create", data: [{ meeting_id: 1, title: "w3" }] },
    ]);
    assert.equal(answer.status, 200);
    const results = answer.body.results as Array<Array<{ id: number; sequential_number: number }>>;
    assert.equal(results.length, 2);
    const ids = results.flat().map((result) => result.id);
    const numbers = results.flat().map((result) => result.sequential_number);
    assert.deepEqual(numbers, [numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
    const weights: number[] = [];
    for (const id of ids) {
      const topic = await model(`topic/${id}`, ["agenda_item_id"]);
      weights.push((await model(`agenda_item/${topic?.agenda_item_id}`, ["weight"]))?.weight as number);
    }
    assert.deepEqual(weights, [weights[0], weights[0]! + 1, weights[0]! + 2]);
  });

  test("a delegate without agenda_item.can_manage is refused", async () => {
    const count = await topicCount();
    const answer = await delegate.request("topic.create", [{ meeting_id: 1, title: "no" }]);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, {
      success: false,
      message: "You are not allowed to perform action topic.create. Missing Permission: agenda_item.can_manage",
    });
    assert.equal(await topicCount(), count);
  });

  test("a failing second item leaves nothing written", async () => {
    const count = await topicCount();
    const answer = await admin.request("topic.create", [{ meeting_id: 1, title: "first" }, { meeting_id: 1 }]);
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, {
      success: false,
      message: "Action topic.create: data must contain ['title'] properties",
      action_error_index: 0,
      action_data_error_index: 1,
      message_args: {},
    });
    assert.equal(await topicCount(), count);
  });

  test("a failing second action leaves the first one unwritten", async () => {
    const count = await topicCount();
    const answer = await admin.post("/system/action/handle_request", [
      { action: "topic.create", data: [{ meeting_id: 1, title: "first" }] },
      { action: "topic.update", data: [{ id: 1, title: 5 }] },
    ]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Action topic.update: data.title must be string");
    assert.equal(answer.body.action_error_index, 1);
    assert.equal(await topicCount(), count);
  });

  test("unknown fields, wrong types and unknown meetings", async () => {
    const unknown = await admin.request("topic.create", [{ meeting_id: 1, title: "x", color: "red" }]);
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.message, "Action topic.create: data must not contain {'color'} properties");
    const wrongType = await admin.request("topic.create", [{ meeting_id: "1", title: "x" }]);
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.message, "Action topic.create: data.meeting_id must be integer");
    const noMeeting = await admin.request("topic.create", [{ meeting_id: 9, title: "x" }]);
    assert.equal(noMeeting.status, 400);
    assert.deepEqual(noMeeting.body, { success: false, message: "Model 'meeting/9' does not exist." });
    const foreignTag = await admin.request("topic.create", [{ meeting_id: 1, title: "x", agenda_tag_ids: [999] }]);
    assert.equal(foreignTag.status, 400);
    assert.equal(foreignTag.body.message, "Model 'tag/999' does not exist.");
  });

  test("agenda_create is refused for topics, as upstream", async () => {
    const answer = await admin.request("topic.create", [{ meeting_id: 1, title: "x", agenda_create: true }]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "agenda_create is not a valid field for model topic.");
  });
});

describe("topic.update", () => {
  test("the seed example renames topic 1", async () => {
    const answer = await admin.post("/system/action/handle_request", [{ action: "topic.update", data: [{ id: 1, title: "bar" }] }]);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.results, [[null]]);
    assert.equal((await model("topic/1", ["title"]))?.title, "bar");
  });

  test("attachments replace the previous ones on both sides", async () => {
    assert.equal((await admin.request("topic.update", [{ id: 2, attachment_mediafile_ids: [1] }])).status, 200);
    assert.deepEqual((await model("topic/2", ["attachment_meeting_mediafile_ids"]))?.attachment_meeting_mediafile_ids, [1]);
    assert.equal((await admin.request("topic.update", [{ id: 2, attachment_mediafile_ids: [] }])).status, 200);
    assert.equal((await model("topic/2", ["attachment_meeting_mediafile_ids"]))?.attachment_meeting_mediafile_ids, undefined);
    assert.ok(!(((await model("meeting_mediafile/1", ["attachment_ids"]))?.attachment_ids as string[] | undefined) ?? []).includes("topic/2"));
  });

  test("missing id, unknown topic, denied delegate", async () => {
    const missingId = await admin.request("topic.update", [{ title: "x" }]);
    assert.equal(missingId.status, 400);
    assert.equal(missingId.body.message, "Action topic.update: data must contain ['id'] properties");
    const unknown = await admin.request("topic.update", [{ id: 9999, title: "x" }]);
    assert.deepEqual(unknown.body, { success: false, message: "Model 'topic/9999' does not exist." });
    const denied = await delegate.request("topic.update", [{ id: 1, title: "x" }]);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action topic.update. Missing Permission: agenda_item.can_manage");
  });
});

describe("topic.delete", () => {
  test("the agenda item and the list of speakers go with the topic", async () => {
    const created = await admin.request("topic.create", [{ meeting_id: 1, title: "to delete" }]);
    const id = created.body.results[0][0].id;
    const topic = await model(`topic/${id}`);
    const answer = await admin.request("topic.delete", [{ id }]);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.results, [[null]]);
    assert.equal(await model(`topic/${id}`), undefined);
    assert.equal(await model(`agenda_item/${topic?.agenda_item_id}`), undefined);
    assert.equal(await model(`list_of_speakers/${topic?.list_of_speakers_id}`), undefined);
    assert.ok(!((await model("meeting/1", ["topic_ids"]))?.topic_ids as number[]).includes(id));
  });

  test("agenda_item.delete takes its topic along", async () => {
    const created = await admin.request("topic.create", [{ meeting_id: 1, title: "via item" }]);
    const id = created.body.results[0][0].id;
    const topic = await model(`topic/${id}`);
    assert.equal((await admin.request("agenda_item.delete", [{ id: topic?.agenda_item_id }])).status, 200);
    assert.equal(await model(`topic/${id}`), undefined);
    assert.equal(await model(`list_of_speakers/${topic?.list_of_speakers_id}`), undefined);
  });
});

describe("archived meeting", () => {
  test("no topic changes in an archived meeting", async () => {
    const setActive = (value: number | null) =>
      server.db.transaction((tx) => tx.write([{ type: "update", fqid: "meeting/1", fields: { is_active_in_organization_id: value } }]));
    const name = (await model("meeting/1", ["name"]))?.name;
    await setActive(null);
    try {
      const answer = await admin.request("topic.update", [{ id: 1, title: "archived" }]);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, {
        success: false,
        message: `Meeting ${name}/1 cannot be changed, because it is archived.`,
        action_error_index: 0,
        action_data_error_index: 0,
        message_args: {},
      });
    } finally {
      await setActive(1);
    }
    assert.notEqual((await model("topic/1", ["title"]))?.title, "archived");
  });
});
