import { test } from "node:test";
import assert from "node:assert/strict";
import { Ajv } from "ajv";
import { collectionNames, fieldSchema, getCollection, getField, isCollection, parseFqfield, parseFqid } from "../../src/meta/registry.js";
import type { FieldDefinition } from "../../src/meta/registry.js";

const allFields = (): FieldDefinition[] => collectionNames().flatMap((name) => Object.values(getCollection(name)!.fields));

test("the registry holds every collection and field of the models", () => {
  assert.equal(collectionNames().length, 49);
  const fields = allFields();
  assert.equal(fields.length, 893);
  const byType = (type: string) => fields.filter((field) => field.type === type).length;
  assert.deepEqual([byType("relation"), byType("relation-list"), byType("generic-relation"), byType("generic-relation-list")], [184, 187, 8, 5]);
  assert.equal(fields.filter((field) => field.calculated).length, 2);
  assert.equal(fields.filter((field) => field.relation?.onDelete === "CASCADE").length, 86);
  assert.equal(fields.filter((field) => field.relation?.onDelete === "PROTECT").length, 7);
  assert.equal(fields.filter((field) => field.sequenceScope).length, 10);
  const collections = collectionNames().map((name) => getCollection(name)!);
  assert.equal(collections.reduce((sum, collection) => sum + collection.uniqueTogether.length, 0), 16);
  assert.equal(collections.reduce((sum, collection) => sum + collection.uniqueTogetherStrict.length, 0), 1);
});

test("every relation's reverse field exists and points back", () => {
  for (const field of allFields()) {
    if (!field.relation) continue;
    for (const [target, reverse] of Object.entries(field.relation.targets)) {
      const other = getField(target, reverse);
      assert.ok(other?.relation, `${field.collection}/${field.name} -> ${target}/${reverse}`);
      assert.equal(other.relation.targets[field.collection], field.name, `${target}/${reverse} points back to ${field.collection}/${field.name}`);
    }
  }
});

test("fields are fully described", () => {
  const state = getField("motion_state", "css_class")!;
  assert.equal(state.required, true);
  assert.equal(state.default, "lightblue");
  assert.deepEqual(state.enum, ["grey", "red", "green", "lightblue", "yellow"]);
  const meetingId = getField("motion", "meeting_id")!;
  assert.deepEqual(meetingId.relation?.targets, { meeting: "motion_ids" });
  assert.equal(meetingId.constant, true);
  const sequential = getField("motion", "sequential_number")!;
  assert.equal(sequential.sequenceScope, "meeting_id");
  assert.equal(sequential.readOnly, true);
  const tagged = getField("tag", "tagged_ids")!;
  assert.deepEqual(Object.keys(tagged.relation!.targets).sort(), ["agenda_item", "assignment", "motion"]);
  assert.equal(getField("motion", "nope"), undefined);
  assert.equal(isCollection("toString"), false);
});

test("field schemas accept and refuse like upstream's", () => {
  const ajv = new Ajv({ strict: false });
  const check = (collection: string, field: string, value: unknown) => ajv.validate(fieldSchema(collection, field)!, value);
  assert.equal(check("topic", "title", "x"), true);
  assert.equal(check("topic", "title", ""), false, "required strings need one character");
  assert.equal(check("topic", "title", "x".repeat(257)), false);
  assert.equal(check("topic", "text", null), true);
  assert.equal(check("user", "default_vote_weight", "1.5"), true);
  assert.equal(check("user", "default_vote_weight", "01.5"), false);
  assert.equal(check("user", "default_vote_weight", "1.1234567"), false);
  assert.equal(check("organization_tag", "color", "#a0b1c2"), true);
  assert.equal(check("organization_tag", "color", "red"), false);
  assert.equal(check("motion", "meeting_id", 0), false);
  assert.equal(check("motion", "tag_ids", [1, 1]), false, "relation lists are unique");
  assert.equal(check("agenda_item", "content_object_id", "motion/3"), true);
  assert.equal(check("agenda_item", "content_object_id", "motion/0"), false);
  assert.equal(check("meeting", "is_active_in_organization_id", 1), true);
  assert.equal(check("committee", "organization_id", 2), false, "only organization 1 exists");
  assert.equal(check("motion_state", "css_class", "pink"), false);
  assert.equal(check("agenda_item", "type", null), true, "optional enums allow null");
  assert.equal(check("user", "is_active", "yes"), true, "booleans accept strings like upstream");
  assert.equal(check("group", "permissions", ["motion.can_see"]), true);
  assert.equal(check("group", "permissions", ["motion.can_fly"]), false);
});

test("fqid and fqfield helpers", () => {
  assert.deepEqual(parseFqid("motion_state/12"), { collection: "motion_state", id: 12 });
  assert.equal(parseFqid("motion/0"), undefined);
  assert.equal(parseFqid("Motion/1"), undefined);
  assert.deepEqual(parseFqfield("motion/5/title"), { collection: "motion", id: 5, field: "title" });
  assert.equal(parseFqfield("motion/5"), undefined);
});
