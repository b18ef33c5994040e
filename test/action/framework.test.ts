// The framework's pure parts: event ordering and the write-request check, the in-memory filter,
// action-name compression for action_worker, schema builders and the registered actions.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { orderEvents, validateEvents } from "../../src/action/framework/write-request.js";
import { matchesFilter } from "../../src/action/framework/filter-match.js";
import { concatenateActionNames } from "../../src/action/worker.js";
import { loadActions } from "../../src/action/actions/load.js";
import { findAction } from "../../src/action/framework/registry.js";
import { ActionError } from "../../src/action/errors.js";
import { compileValidator } from "../../src/action/framework/validation.js";

describe("write request", () => {
  test("creates first, updates merged per fqid (later wins), deletes last", () => {
    const events = orderEvents([
      { type: "update", fqid: "meeting/1", fields: { topic_ids: [1] } },
      { type: "delete", fqid: "tag/3" },
      { type: "create", fqid: "topic/1", fields: { id: 1 } },
      { type: "update", fqid: "meeting/1", fields: { topic_ids: [1, 2], name: "x" } },
    ]);
    assert.deepEqual(events, [
      { type: "create", fqid: "topic/1", fields: { id: 1 } },
      { type: "update", fqid: "meeting/1", fields: { topic_ids: [1, 2], name: "x" } },
      { type: "delete", fqid: "tag/3" },
    ]);
  });

  test("a create missing a required field is refused with upstream's text", () => {
    assert.throws(
      () => validateEvents([{ type: "create", fqid: "topic/1", fields: { id: 1, meeting_id: 1, title: "t", agenda_item_id: 1 } }]),
      (error: unknown) =>
        error instanceof ActionError &&
        error.message === "Creation of topic/1: You try to set following required fields to an empty value: ['list_of_speakers_id']",
    );
  });

  test("reverse fields set by relation updates count for the required check", () => {
    validateEvents([
      { type: "create", fqid: "topic/1", fields: { id: 1, meeting_id: 1, title: "t" } },
      { type: "update", fqid: "topic/1", fields: { agenda_item_id: 2 } },
      { type: "update", fqid: "topic/1", fields: { list_of_speakers_id: 3 } },
    ]);
  });

  test("unknown fields and wrong values are refused", () => {
    assert.throws(
      () => validateEvents([{ type: "update", fqid: "topic/1", fields: { agenda_create: true } }]),
      (error: unknown) => error instanceof ActionError && /^agenda_create is not a valid field for model topic\.$/.test(error.message),
    );
    assert.throws(() => validateEvents([{ type: "update", fqid: "topic/1", fields: { title: 5 } }]), /Invalid data for topic\/1\/title: data must be string/);
  });

  test("emptying a required field on update is refused", () => {
    assert.throws(
      () => validateEvents([{ type: "update", fqid: "agenda_item/1", fields: { content_object_id: null } }]),
      /Update of agenda_item\/1: You try to set following required fields to an empty value: \['content_object_id'\]/,
    );
  });
});

describe("in-memory filter", () => {
  const model = { id: 1, meeting_id: 1, parent_id: null, title: "Foo", tag_ids: [3, 4] };
  test("operators", () => {
    assert.equal(matchesFilter(model, { field: "parent_id", operator: "=", value: null }), true);
    assert.equal(matchesFilter(model, { field: "title", operator: "~=", value: "foo" }), true);
    assert.equal(matchesFilter(model, { field: "tag_ids", operator: "has", value: 4 }), true);
    assert.equal(matchesFilter(model, { field: "meeting_id", operator: "in", value: [2, 3] }), false);
    assert.equal(
      matchesFilter(model, { and_filter: [{ field: "meeting_id", operator: "=", value: 1 }, { not_filter: { field: "title", operator: "=", value: "Foo" } }] }),
      false,
    );
    assert.equal(matchesFilter(model, { field: "title", operator: "%=", value: "F%" }), true);
  });
});

describe("action_worker names", () => {
  test("short lists are joined, long ones compressed to runs", () => {
    assert.equal(concatenateActionNames([{ action: "a.b" }, { action: "c.d" }]), "a.b,c.d");
    const long = [...Array(30).fill({ action: "user.create" }), { action: "group.create" }, ...Array(30).fill({ action: "user.create" })];
    assert.equal(concatenateActionNames(long), "user.create_30,group.create_1,user.create_30");
    assert.equal(concatenateActionNames("nope"), "Cannot be determined");
  });
});

describe("payload and item schemas", () => {
  test("upstream messages for the item schema of topic.create", async () => {
    await loadActions();
    const topicCreate = findAction("topic.create");
    assert.ok(topicCreate);
    const validate = compileValidator(topicCreate.schema);
    assert.equal(validate({ meeting_id: 1 }), "data must contain ['title'] properties");
    assert.equal(validate({ meeting_id: 1, title: "x", foo: 1 }), "data must not contain {'foo'} properties");
    assert.equal(validate({ meeting_id: 1, title: "" }), "data.title must be longer than or equal to 1 characters");
    assert.equal(validate({ meeting_id: 1, title: "x", agenda_type: "x" }), "data.agenda_type must be one of ['common', 'internal', 'hidden']");
    assert.equal(validate({ meeting_id: 1, title: "x", agenda_duration: 60, agenda_tag_ids: [1] }), undefined);
  });

  test("visibility of the framework's own actions", async () => {
    await loadActions();
    assert.equal(findAction("list_of_speakers.create"), undefined, "unregistered upstream");
    assert.equal(findAction("list_of_speakers.delete")?.visibility, "backend_internal");
    assert.equal(findAction("meeting_mediafile.create")?.visibility, "backend_internal");
    for (const name of ["topic.create", "topic.update", "topic.delete", "agenda_item.create", "agenda_item.delete"]) {
      assert.equal(findAction(name)?.visibility ?? "public", "public", name);
    }
  });
});
