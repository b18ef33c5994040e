import { test } from "node:test";
import assert from "node:assert/strict";
import { Ajv } from "ajv";
import { buildFieldSchema, FQID_PATTERN, DECIMAL_PATTERN, SCHEMA_ANNOTATION_KEYWORDS } from "../../src/meta/field-schema.js";
import { collectionNames, fieldSchema, fieldsOf } from "../../src/meta/registry.js";
import type { SourceField } from "../../src/meta/source.js";

// The payload schemas upstream's backend builds for these fields (Field.get_schema()), key order included.
const UPSTREAM: [string, string, Record<string, unknown>][] = [
  ["topic", "title", { type: "string", minLength: 1, maxLength: 256 }],
  ["topic", "text", { type: ["string", "null"] }],
  ["user", "saml_id", { minLength: 1, description: "unique-key from IdP for SAML login", type: ["string", "null"], maxLength: 256 }],
  ["meeting", "name", { maxLength: 200, type: "string", minLength: 1 }],
  ["user", "default_vote_weight", { type: ["string", "null"], pattern: DECIMAL_PATTERN }],
  ["agenda_item", "duration", { description: "Given in seconds", minimum: 0, type: ["integer", "null"] }],
  ["agenda_item", "type", { enum: ["common", "internal", "hidden", null], type: ["string", "null"], maxLength: 256 }],
  ["poll", "backend", { enum: ["long", "fast"], type: "string", minLength: 1, maxLength: 256 }],
  ["meeting", "is_active_in_organization_id", { description: "Backrelation and boolean flag at once", type: ["integer", "null"], minimum: 1 }],
  ["committee", "organization_id", { type: "integer", minimum: 1, enum: [1] }],
  ["motion", "tag_ids", { type: ["array", "null"], uniqueItems: true, items: { type: "integer", minimum: 1 } }],
  ["meeting_user", "group_ids", { type: "array", uniqueItems: true, items: { type: "integer", minimum: 1 } }],
  ["agenda_item", "content_object_id", { type: "string", pattern: FQID_PATTERN, minLength: 1 }],
  ["history_entry", "model_id", { type: ["string", "null"], pattern: FQID_PATTERN, minLength: 1 }],
  ["meeting_mediafile", "attachment_ids", { type: "array", uniqueItems: true, items: { type: "string", pattern: FQID_PATTERN, minLength: 1 } }],
  ["organization_tag", "color", { type: "string", minLength: 1, pattern: "^#[0-9a-fA-F]{6}$" }],
  ["projector", "color", { type: ["string", "null"], pattern: "^#[0-9a-fA-F]{6}$" }],
  ["user", "is_active", { type: ["boolean", "string", "integer", "null"] }],
  ["action_worker", "result", { type: ["object", "array", "null"] }],
  ["meeting", "start_time", { type: ["integer", "null"] }],
  ["meeting", "time_zone", { type: ["string", "null"] }],
  ["meeting", "export_pdf_line_height", { minimum: 1, type: ["number", "null"] }],
  ["history_entry", "entries", { type: ["array", "null"], items: { type: "string" } }],
  ["motion_state", "restrictions", {
    type: ["array", "null"],
    items: { type: "string", maxLength: 256, enum: ["motion.can_see_internal", "motion.can_manage_metadata", "motion.can_manage", "is_submitter"], enum_name: "enum_motion_state_restrictions[]" },
  }],
  ["motion", "sequential_number", {
    sequence_scope: "meeting_id",
    description: "The (positive) serial number of this model in its meeting. This number is auto-generated and read-only.",
    type: "integer",
  }],
];

test("field schemas equal upstream's, key order included", () => {
  for (const [collection, field, expected] of UPSTREAM) {
    assert.equal(JSON.stringify(fieldSchema(collection, field)), JSON.stringify(expected), `${collection}/${field}`);
  }
  assert.equal(fieldSchema("motion", "nope"), undefined);
});

test("field schemas are copies: changing one leaves the registry alone", () => {
  const schema = fieldSchema("topic", "title")!;
  schema.maxLength = 1;
  assert.equal(fieldSchema("topic", "title")!.maxLength, 256);
});

test("required variants the models do not use follow upstream's field classes", () => {
  const field = (type: string, extra: Record<string, unknown> = {}): SourceField => ({ name: "x", type, targets: [], raw: { type, required: true, ...extra } });
  assert.deepEqual(buildFieldSchema("c", field("HTMLStrict")), { type: "string" });
  assert.deepEqual(buildFieldSchema("c", field("decimal(6)", { minimum: "0.5" })), { type: "string", pattern: DECIMAL_PATTERN });
  assert.deepEqual(buildFieldSchema("c", field("JSON")), { type: ["object", "array"] });
  assert.deepEqual(buildFieldSchema("c", field("number[]")), { type: "array", default: [], items: { type: "integer" } });
  assert.deepEqual(buildFieldSchema("c", field("timezone")), { type: "string", minLength: 1 });
  assert.deepEqual(buildFieldSchema("c", field("string", { enum: "languages" }), { languages: ["en"] }).enum, "languages", "field enums are resolved by the source loader");
  assert.deepEqual(buildFieldSchema("c", field("string[]", { items: { enum: "languages" } }), { languages: ["en", "de"] }).items, { type: "string", maxLength: 256, enum: ["en", "de"], enum_name: "enum_languages[]" });
  assert.throws(() => buildFieldSchema("c", field("money")), /unknown field type money/);
});

test("every field schema is a valid JSON schema (strict ajv, annotations declared)", () => {
  const ajv = new Ajv({ strict: true, strictTypes: false, allowUnionTypes: true, keywords: [...SCHEMA_ANNOTATION_KEYWORDS] });
  let compiled = 0;
  for (const collection of collectionNames()) {
    for (const field of fieldsOf(collection)) {
      assert.doesNotThrow(() => ajv.compile(fieldSchema(collection, field.name)!), `${collection}/${field.name}`);
      compiled++;
    }
  }
  assert.equal(compiled, 893);
});

test("field schemas accept and refuse values like upstream's", () => {
  const ajv = new Ajv({ strict: false });
  const cases: [string, string, unknown[], unknown[]][] = [
    // collection, field, valid values, invalid values
    ["topic", "title", ["x", "x".repeat(256)], ["", "x".repeat(257), null, 1, ["x"]]],
    ["topic", "text", [null, "", "<p>x</p>"], [1, {}]],
    ["user", "pronoun", ["x".repeat(32), null], ["x".repeat(33)]],
    ["user", "saml_id", ["a", null], [""]],
    ["user", "default_vote_weight", ["1.5", "0", "-1.000001", "10", null], ["01.5", "1.1234567", "1.", ".5", "1e3", 1.5, ""]],
    ["organization_tag", "color", ["#a0b1c2", "#A0B1C2"], ["red", "#abc", "", null]],
    ["motion", "meeting_id", [1, 5.0], [0, -1, 1.5, "1", null]],
    ["motion", "state_extension_reference_ids", [["motion/1", "topic/2"], []], [null, ["motion/1", "motion/1"], ["motion"], [1]]],
    ["motion", "tag_ids", [[1, 2], [], null], [[1, 1], [0], ["1"], 1]],
    ["meeting_user", "group_ids", [[1]], [null]],
    ["agenda_item", "content_object_id", ["motion/3", "motion_block/1"], ["motion/0", "motion", "", null, 3]],
    ["history_entry", "model_id", ["user/1", null], ["user/x"]],
    ["meeting", "is_active_in_organization_id", [1, null], [0]],
    ["committee", "organization_id", [1], [2, null]],
    ["motion_state", "css_class", ["red"], ["pink", null]],
    ["agenda_item", "type", ["common", null], ["secret", ""]],
    ["agenda_item", "duration", [0, 60, null], [-1, 1.5, "60"]],
    ["meeting", "export_pdf_line_height", [1, 1.25, null], [0.5, "1.25"]],
    ["user", "is_active", [true, false, "yes", 0, 1, null], [1.5, {}, []]],
    ["meeting", "start_time", [1700000000, null], ["2024-01-01", 1.5]],
    ["action_worker", "result", [{}, [], null], ["x", 1, true]],
    ["group", "permissions", [["motion.can_see"], [], null], [["motion.can_fly"], [1]]],
    ["history_entry", "entries", [["x".repeat(300)], null], [[1]]],
    ["meeting", "language", ["de", null], ["xx", ""]],
  ];
  for (const [collection, field, valid, invalid] of cases) {
    const validate = ajv.compile(fieldSchema(collection, field)!);
    for (const value of valid) assert.equal(validate(value), true, `${collection}/${field} accepts ${JSON.stringify(value)}`);
    for (const value of invalid) assert.equal(validate(value), false, `${collection}/${field} refuses ${JSON.stringify(value)}`);
  }
});
