// motion_block.create/update/delete over HTTP on the example data (meeting 1: agenda_item_creation
// "default_no"; block 1 holds motions 3 and 4 and has agenda item 15, list of speakers 15 and
// projection 1 on projector 1's preview; the delegate "a" lacks motion.can_manage).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;

test("motion_block.create: sequential number, list of speakers, no agenda item by default", async () => {
  const answer = await suite.run(suite.admin, "motion_block.create", { title: "test_Xcdfgee", meeting_id: 1, internal: true });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const { id, sequential_number: sequentialNumber } = answer.body.results[0][0];
  assert.equal(typeof sequentialNumber, "number");
  const block = await get(`motion_block/${id}`, ["title", "internal", "sequential_number", "meeting_id", "agenda_item_id", "list_of_speakers_id"]);
  assert.deepEqual({ ...block, list_of_speakers_id: undefined }, {
    id,
    title: "test_Xcdfgee",
    internal: true,
    sequential_number: sequentialNumber,
    meeting_id: 1,
    list_of_speakers_id: undefined,
  });
  const los = await get(`list_of_speakers/${block.list_of_speakers_id}`, ["content_object_id", "meeting_id"]);
  assert.equal(los.content_object_id, `motion_block/${id}`);
  assert.ok(((await get("meeting/1", ["motion_block_ids"])).motion_block_ids as number[]).includes(id));

  const next = await suite.run(suite.admin, "motion_block.create", { title: "second", meeting_id: 1 });
  assert.equal(next.body.results[0][0].sequential_number, sequentialNumber + 1);
});

test("motion_block.create: agenda item from agenda_* fields or the meeting's 'always'", async () => {
  const answer = await suite.run(suite.admin, "motion_block.create", {
    title: "with item",
    meeting_id: 1,
    agenda_create: true,
    agenda_type: "hidden",
    agenda_comment: "note",
    agenda_duration: 60,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  const { agenda_item_id: itemId } = await get(`motion_block/${id}`, ["agenda_item_id"]);
  assert.equal(typeof itemId, "number");
  assert.deepEqual(await get(`agenda_item/${itemId}`, ["content_object_id", "type", "comment", "duration", "is_hidden", "level", "meeting_id"]), {
    id: itemId,
    content_object_id: `motion_block/${id}`,
    type: "hidden",
    comment: "note",
    duration: 60,
    is_hidden: true,
    level: 0,
    meeting_id: 1,
  });

  await write("meeting/1", { agenda_item_creation: "always" });
  const always = await suite.run(suite.admin, "motion_block.create", { title: "always", meeting_id: 1, agenda_create: false });
  assert.equal(always.status, 200, JSON.stringify(always.body));
  const alwaysId = always.body.results[0][0].id as number;
  const alwaysItem = (await get(`motion_block/${alwaysId}`, ["agenda_item_id"])).agenda_item_id as number;
  assert.deepEqual(await get(`agenda_item/${alwaysItem}`, ["content_object_id", "type", "is_hidden", "is_internal"]), {
    id: alwaysItem,
    content_object_id: `motion_block/${alwaysId}`,
    type: "common",
    is_hidden: false,
    is_internal: false,
  });
  await write("meeting/1", { agenda_item_creation: "default_no" });
});

test("motion_block.create: bad payloads write nothing", async () => {
  const before = (await get("meeting/1", ["motion_block_ids"])).motion_block_ids;
  const empty = await suite.run(suite.admin, "motion_block.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action motion_block.create: data must contain ['meeting_id', 'title'] properties");
  const wrong = await suite.run(suite.admin, "motion_block.create", { wrong_field: "text_AefohteiF8" });
  assert.equal(wrong.body.message, "Action motion_block.create: data must contain ['meeting_id', 'title'] properties");
  const extra = await suite.run(suite.admin, "motion_block.create", { title: "x", meeting_id: 1, motion_ids: [1] });
  assert.equal(extra.status, 400);
  assert.equal(extra.body.message, "Action motion_block.create: data must not contain {'motion_ids'} properties");
  const type = await suite.run(suite.admin, "motion_block.create", { title: "x", meeting_id: 1, agenda_create: true, agenda_type: "secret" });
  assert.equal(type.status, 400);
  assert.deepEqual((await get("meeting/1", ["motion_block_ids"])).motion_block_ids, before);
});

test("motion_block.update: title, internal and motions on both sides", async () => {
  const created = await suite.run(suite.admin, "motion_block.create", { title: "title_srtgb123", meeting_id: 1 });
  const id = created.body.results[0][0].id as number;
  const answer = await suite.run(suite.admin, "motion_block.update", { id, title: "title_Xcdfgee", internal: true, motion_ids: [1, 2] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get(`motion_block/${id}`, ["title", "internal", "motion_ids"]), { id, title: "title_Xcdfgee", internal: true, motion_ids: [1, 2] });
  assert.equal((await get("motion/1", ["block_id"])).block_id, id);
  assert.equal((await get("motion/2", ["block_id"])).block_id, id);

  const cleared = await suite.run(suite.admin, "motion_block.update", { id, motion_ids: [] });
  assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
  assert.equal((await get("motion/1", ["block_id"])).block_id, undefined);

  const unknown = await suite.run(suite.admin, "motion_block.update", { id: 4242, title: "title_Xcdfgee" });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_block/4242' does not exist.");
  const bad = await suite.run(suite.admin, "motion_block.update", { id, title: "" });
  assert.equal(bad.status, 400);
  assert.equal((await get(`motion_block/${id}`, ["title"])).title, "title_Xcdfgee");
});

test("motion_block: denied without motion.can_manage", async () => {
  for (const [action, data] of [
    ["motion_block.create", { title: "mine", meeting_id: 1 }],
    ["motion_block.update", { id: 1, title: "mine" }],
    ["motion_block.delete", { id: 1 }],
  ] as const) {
    const denied = await suite.run(suite.delegate, action, data);
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: motion.can_manage`);
  }
  assert.equal((await get("motion_block/1", ["title"])).title, "BLOCK A");
});

test("motion_block.delete: agenda item, list of speakers and projection cascade; motions lose the block", async () => {
  const unknown = await suite.run(suite.admin, "motion_block.delete", { id: 4242 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_block/4242' does not exist.");

  const answer = await suite.run(suite.admin, "motion_block.delete", { id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists("motion_block/1"), false);
  assert.equal(await exists("agenda_item/15"), false);
  assert.equal(await exists("list_of_speakers/15"), false);
  assert.equal(await exists("projection/1"), false);
  assert.equal((await get("motion/3", ["block_id"])).block_id, undefined);
  assert.equal((await get("motion/4", ["block_id"])).block_id, undefined);
  assert.ok(!(((await get("projector/1", ["preview_projection_ids"])).preview_projection_ids as number[] | undefined) ?? []).includes(1));
  assert.ok(!(((await get("meeting/1", ["motion_block_ids"])).motion_block_ids as number[] | undefined) ?? []).includes(1));
});
