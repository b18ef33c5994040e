import { test } from "node:test";
import assert from "node:assert/strict";
import {
  collectionNames, fieldsOf, fqfield, fqid, getCollection, getField, isCollection, isFqid, isGeneric, isListField,
  isRelation, isTemplateField, parseCollectionField, parseFqfield, parseFqid, relationTarget,
} from "../../src/meta/registry.js";
import type { FieldDefinition } from "../../src/meta/registry.js";

const allFields = (): FieldDefinition[] => collectionNames().flatMap((name) => [...fieldsOf(name)]);
const count = (predicate: (field: FieldDefinition) => boolean) => allFields().filter(predicate).length;

test("the registry holds every collection and field of the models", () => {
  assert.equal(collectionNames().length, 49);
  assert.deepEqual([...collectionNames()], [...collectionNames()].sort());
  assert.equal(allFields().length, 893);
  const byType = (type: string) => count((field) => field.type === type);
  assert.deepEqual([byType("relation"), byType("relation-list"), byType("generic-relation"), byType("generic-relation-list")], [184, 187, 8, 5]);
  assert.equal(count(isRelation), 384);
  assert.equal(count((field) => field.calculated), 2);
  assert.equal(count((field) => field.relation?.onDelete === "CASCADE"), 86);
  assert.equal(count((field) => field.relation?.onDelete === "PROTECT"), 7);
  assert.equal(count((field) => field.sequenceScope !== undefined), 10);
  assert.equal(count((field) => field.required), 214);
  assert.equal(count((field) => field.constant), 135);
  assert.equal(count((field) => field.readOnly), 27);
  assert.equal(count((field) => field.default !== undefined), 195);
  assert.equal(count((field) => field.equalFields.length > 0), 133);
  assert.equal(count((field) => field.unique), 7);
  assert.equal(count((field) => field.constantLegacy), 8);
  assert.equal(count((field) => field.sql !== undefined), 4);
  const collections = collectionNames().map((name) => getCollection(name)!);
  assert.equal(collections.reduce((sum, collection) => sum + collection.uniqueTogether.length, 0), 16);
  assert.equal(collections.reduce((sum, collection) => sum + collection.uniqueTogetherStrict.length, 0), 1);
  assert.equal(fieldsOf("meeting").length, 245);
});

test("every relation's reverse field exists and points back", () => {
  for (const field of allFields()) {
    if (!field.relation) continue;
    assert.ok(Object.keys(field.relation.targets).length > 0, `${field.collection}/${field.name} has targets`);
    for (const [target, reverse] of Object.entries(field.relation.targets)) {
      const other = getField(target, reverse);
      assert.ok(other?.relation, `${field.collection}/${field.name} -> ${target}/${reverse}`);
      assert.equal(other.relation.targets[field.collection], field.name, `${target}/${reverse} points back to ${field.collection}/${field.name}`);
    }
  }
});

test("plain fields are fully described", () => {
  assert.deepEqual(getField("motion_state", "css_class"), {
    name: "css_class",
    collection: "motion_state",
    type: "string",
    restrictionMode: "A",
    required: true,
    readOnly: false,
    constant: false,
    constantLegacy: false,
    unique: false,
    equalFields: [],
    calculated: false,
    deferred: false,
    default: "lightblue",
    enum: ["grey", "red", "green", "lightblue", "yellow"],
    schema: { enum: ["grey", "red", "green", "lightblue", "yellow"], type: "string", minLength: 1, maxLength: 256 },
  });
  const sequential = getField("motion", "sequential_number")!;
  assert.equal(sequential.sequenceScope, "meeting_id");
  assert.equal(sequential.readOnly, true);
  assert.equal(sequential.constant, true);
  const language = getField("meeting", "language")!;
  assert.equal(language.sharedEnum, "languages");
  assert.deepEqual(language.enum, ["en", "de", "it", "es", "ru", "cs", "fr"]);
  assert.equal(getField("user", "default_vote_weight")!.minimum, "0.000001");
  assert.equal(getField("user", "saml_id")!.minLength, 1);
  assert.equal(getField("user", "username")!.unique, true);
  assert.equal(getField("meeting", "name")!.maxLength, 200);
  assert.deepEqual(getField("motion_state", "restrictions")!.itemsEnum, ["motion.can_see_internal", "motion.can_manage_metadata", "motion.can_manage", "is_submitter"]);
  assert.deepEqual(getField("motion_state", "restrictions")!.default, []);
  assert.equal(getField("motion_state", "meeting_id")!.deferred, true);
  assert.equal(getField("poll", "live_votes")!.calculated, true);
  assert.equal(getField("assignment_candidate", "meeting_user_id")!.constantLegacy, true);
  assert.equal(getField("agenda_item", "duration")!.description, "Given in seconds");
});

test("relations are fully described", () => {
  assert.deepEqual(getField("motion", "meeting_id")!.relation, { kind: "relation", targets: { meeting: "motion_ids" }, onDelete: "SET_NULL", reference: "meeting" });
  assert.equal(getField("motion", "meeting_id")!.constant, true);
  assert.deepEqual(getField("motion_state", "motion_ids")!.relation, { kind: "relation-list", targets: { motion: "state_id" }, onDelete: "PROTECT" });
  assert.deepEqual(getField("motion_state", "next_state_ids")!.equalFields, ["meeting_id", "workflow_id"]);
  assert.deepEqual(getField("motion", "agenda_item_id")!.equalFields, ["meeting_id"]);
  const content = getField("agenda_item", "content_object_id")!;
  assert.equal(content.relation!.kind, "generic-relation");
  assert.deepEqual(content.relation!.reference, ["motion", "motion_block", "assignment", "topic"]);
  assert.deepEqual(Object.keys(getField("tag", "tagged_ids")!.relation!.targets).sort(), ["agenda_item", "assignment", "motion"]);
  assert.equal(getField("tag", "tagged_ids")!.relation!.kind, "generic-relation-list");
  const committeeUsers = getField("committee", "user_ids")!;
  assert.match(committeeUsers.sql!, /array_agg\(DISTINCT user_id ORDER BY user_id\)/);
  assert.deepEqual(committeeUsers.logTriggers![2], { onTable: "user_t", onColumns: "home_committee_id", logCollectionIdColumn: "home_committee_id", logValueColumn: "id" });
  assert.deepEqual(getCollection("mediafile")!.uniqueTogetherStrict, [["title", "parent_id", "owner_id"]]);
  assert.deepEqual(getCollection("structure_level_list_of_speakers")!.uniqueTogether, [["meeting_id", "structure_level_id", "list_of_speakers_id"]]);
});

test("unknown names give undefined, not prototype members", () => {
  assert.equal(getField("motion", "nope"), undefined);
  assert.equal(getField("nope", "id"), undefined);
  assert.equal(getField("motion", "toString"), undefined);
  assert.equal(getCollection("constructor"), undefined);
  assert.equal(isCollection("toString"), false);
  assert.equal(isCollection("motion"), true);
  assert.deepEqual(fieldsOf("nope"), []);
});

test("field classification", () => {
  const field = (collection: string, name: string) => getField(collection, name)!;
  assert.equal(isRelation(field("motion", "title")), false);
  assert.equal(isListField(field("motion", "tag_ids")), true);
  assert.equal(isListField(field("group", "permissions")), true);
  assert.equal(isListField(field("motion", "meeting_id")), false);
  assert.equal(isGeneric(field("tag", "tagged_ids")), true);
  assert.equal(isGeneric(field("motion", "tag_ids")), false);
  assert.equal(relationTarget(field("motion", "state_id")), "motion_state");
  assert.equal(relationTarget(field("agenda_item", "content_object_id")), undefined);
  assert.equal(isTemplateField("custom_field$1"), true);
  assert.equal(allFields().some((definition) => isTemplateField(definition.name)), false);
});

test("fqid, fqfield and collectionfield helpers", () => {
  assert.equal(fqid("motion", 5), "motion/5");
  assert.equal(fqfield("motion", 5, "title"), "motion/5/title");
  assert.deepEqual(parseFqid("motion_state/12"), { collection: "motion_state", id: 12 });
  assert.deepEqual(parseFqfield("motion/5/title"), { collection: "motion", id: 5, field: "title" });
  assert.deepEqual(parseCollectionField("motion/title"), { collection: "motion", field: "title" });
  assert.equal(isFqid("topic/1"), true);
  for (const bad of ["motion/0", "motion/-1", "motion/05", "Motion/1", "motion_/1", "_motion/1", "motion/1/", "motion/1.5", "motion/ 1",
    "/1", "motion/", "motion", "", "motion/1/title", "motion/99999999999999999999"]) {
    assert.equal(parseFqid(bad), undefined, JSON.stringify(bad));
    assert.equal(isFqid(bad), false);
  }
  for (const bad of [5, null, undefined, {}, ["motion/1"]]) assert.equal(parseFqid(bad), undefined);
  for (const bad of ["motion/5", "motion/5/Title", "motion/5/1title", "motion/0/title", "motion/5/title/x", 7]) {
    assert.equal(parseFqfield(bad), undefined, JSON.stringify(bad));
  }
  assert.equal(parseCollectionField("motion/5"), undefined);
  assert.equal(parseCollectionField(null), undefined);
});
