// topic.json_upload / topic.import over HTTP on the example data (meeting 1): the preview rows,
// statistics and import_preview model, the topics created from it, permissions and bad payloads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const model = (fqid: string, fields?: string[]) => suite.server.db.get(fqid, fields);
const topicIds = async () => [...(await suite.server.db.filter("topic", undefined, ["id"])).keys()];
const previewIds = async () => [...(await suite.server.db.filter("import_preview", undefined, ["id"])).keys()];

async function setPreview(id: number, fields: Record<string, unknown>): Promise<void> {
  const exists = await model(`import_preview/${id}`);
  await suite.server.db.transaction((tx) =>
    tx.write([
      exists
        ? { type: "update", fqid: `import_preview/${id}`, fields }
        : { type: "create", fqid: `import_preview/${id}`, fields: { id, created: Math.floor(Date.now() / 1000), ...fields } },
    ]),
  );
}

const newRow = (title: string, extra: Record<string, unknown> = {}) => ({
  state: "new",
  messages: [],
  data: { title: { value: title, info: "new" }, meeting_id: 1, ...extra },
});

describe("topic.json_upload", () => {
  test("one row: the result, the headers, the statistics and the stored preview", async () => {
    const started = Math.floor(Date.now() / 1000);
    const answer = await suite.run(suite.admin, "topic.json_upload", { meeting_id: 1, data: [{ title: "test" }] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const result = answer.body.results[0][0];
    assert.deepEqual(result, {
      id: result.id,
      headers: [
        { property: "title", type: "string", is_object: true },
        { property: "text", type: "string" },
        { property: "agenda_comment", type: "string" },
        { property: "agenda_type", type: "string" },
        { property: "agenda_duration", type: "integer" },
      ],
      rows: [newRow("test")],
      statistics: [
        { name: "total", value: 1 },
        { name: "created", value: 1 },
        { name: "updated", value: 0 },
        { name: "error", value: 0 },
        { name: "warning", value: 0 },
      ],
      state: "done",
    });
    const preview = await model(`import_preview/${result.id}`);
    assert.equal(preview?.name, "topic");
    assert.equal(preview?.state, "done");
    assert.deepEqual(preview?.result, { rows: [newRow("test")] });
    assert.ok((preview?.created as number) >= started);
  });

  test("agenda cells are converted, unknown cells dropped, duplicates and existing titles stay new", async () => {
    const answer = await suite.run(suite.admin, "topic.json_upload", {
      meeting_id: 1,
      data: [
        { title: "test", agenda_comment: "testtesttest", agenda_type: "hidden", agenda_duration: "50", wrong: 15 },
        { title: "test" },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const result = answer.body.results[0][0];
    assert.deepEqual(result.rows, [
      newRow("test", { agenda_comment: "testtesttest", agenda_type: "hidden", agenda_duration: 50 }),
      newRow("test"),
    ]);
    assert.equal(result.state, "done");
  });

  test("bad payloads: empty data, a non-integer duration, an unknown meeting; nothing written", async () => {
    const before = await previewIds();
    let answer = await suite.run(suite.admin, "topic.json_upload", { meeting_id: 1, data: [] });
    assert.equal(answer.status, 400);
    assert.match(answer.body.message, /data\.data must contain at least 1 items/);
    answer = await suite.run(suite.admin, "topic.json_upload", { meeting_id: 1, data: [{ title: "test", agenda_duration: "X50", wrong: 15 }] });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Invalid format for column {{field}}: Got {{content}}; expected integer (i.e. a natural number)");
    assert.deepEqual(answer.body.message_args, { field: "agenda_duration", content: "X50" });
    answer = await suite.admin.request("topic.json_upload", [
      { meeting_id: 1, data: [{ title: "a" }] },
      { meeting_id: 1, data: [{ title: "b" }] },
    ]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "data must contain less than or equal to 1 items");
    answer = await suite.run(suite.admin, "topic.json_upload", { meeting_id: 999, data: [{ title: "x" }] });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Import tries to use non-existent meeting 999");
    assert.deepEqual(await previewIds(), before);
  });

  test("a delegate without agenda_item.can_manage is denied", async () => {
    const before = await previewIds();
    const answer = await suite.run(suite.delegate, "topic.json_upload", { meeting_id: 1, data: [{ title: "test" }] });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, "You are not allowed to perform action topic.json_upload. Missing Permission: agenda_item.can_manage");
    assert.deepEqual(await previewIds(), before);
  });
});

describe("topic.import", () => {
  test("json_upload then import creates the topics with their agenda items and deletes the preview", async () => {
    const upload = await suite.run(suite.admin, "topic.json_upload", {
      meeting_id: 1,
      data: [{ title: "imported", text: "new one", agenda_comment: "c", agenda_type: "hidden", agenda_duration: "50" }],
    });
    assert.equal(upload.status, 200, JSON.stringify(upload.body));
    const previewId = upload.body.results[0][0].id;
    const before = await topicIds();
    const answer = await suite.run(suite.admin, "topic.import", { id: previewId, import: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.results[0][0], {
      rows: [newRow("imported", { text: "new one", agenda_comment: "c", agenda_type: "hidden", agenda_duration: 50 })],
      state: "done",
    });
    const created = (await topicIds()).filter((id) => !before.includes(id));
    assert.equal(created.length, 1);
    const topic = await model(`topic/${created[0]}`);
    assert.equal(topic?.title, "imported");
    assert.equal(topic?.text, "new one");
    assert.equal(topic?.meeting_id, 1);
    assert.ok(((await model("meeting/1", ["topic_ids"]))?.topic_ids as number[]).includes(created[0]!));
    const agendaItem = await model(`agenda_item/${topic?.agenda_item_id}`);
    assert.deepEqual(
      [agendaItem?.content_object_id, agendaItem?.comment, agendaItem?.type, agendaItem?.duration],
      [`topic/${created[0]}`, "c", "hidden", 50],
    );
    assert.equal(await model(`import_preview/${previewId}`), undefined);
  });

  test("import=false only deletes the preview", async () => {
    await setPreview(50, { name: "topic", state: "done", result: { rows: [newRow("never")] } });
    const before = await topicIds();
    const answer = await suite.run(suite.admin, "topic.import", { id: 50, import: false });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(await topicIds(), before);
    assert.equal(await model("import_preview/50"), undefined);
  });

  test("a preview of another import or in error state is refused and kept", async () => {
    await setPreview(51, { name: "account", state: "done", result: { rows: [newRow("never")] } });
    let answer = await suite.run(suite.admin, "topic.import", { id: 51, import: false });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Wrong id doesn't point on topic import data.");
    assert.ok(await model("import_preview/51"));
    await setPreview(52, { name: "topic", state: "error", result: { rows: [newRow("never")] } });
    const before = await topicIds();
    answer = await suite.run(suite.admin, "topic.import", { id: 52, import: true });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Error in import. Data will not be imported.");
    assert.deepEqual(await topicIds(), before);
    assert.ok(await model("import_preview/52"));
  });

  test("a delegate is denied", async () => {
    await setPreview(53, { name: "topic", state: "done", result: { rows: [newRow("never")] } });
    const answer = await suite.run(suite.delegate, "topic.import", { id: 53, import: true });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, "You are not allowed to perform action topic.import. Missing Permission: agenda_item.can_manage");
    assert.ok(await model("import_preview/53"));
  });
});
