// Payload validation: upstream's (fastjsonschema 2.22) message for each kind of violation, which
// violation wins when there are several, the request-body schema, the schema builders and the
// field coercions that run before the permission check. The expected texts were produced by
// running the same schemas and data through fastjsonschema.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ACTION_PAYLOAD_SCHEMA,
  actionDataError,
  actionPayloadError,
  checkDecimal,
  coerceBoolean,
  createSchema,
  deleteSchema,
  fieldSchemaError,
  idListSchema,
  linearSortSchema,
  numberStringJsonSchema,
  parseDecimal,
  compareDecimals,
  pythonNumberRepr,
  pythonRepr,
  pythonSetRepr,
  pythonStringRepr,
  requiredFqidSchema,
  schemaError,
  treeSortSchema,
  updateSchema,
  validateModelFields,
} from "../../src/action/validation/index.js";
import { ActionError } from "../../src/action/errors.js";
import { getField } from "../../src/meta/registry.js";

const SCHEMAS = {
  topicCreate: createSchema("topic", { required: ["meeting_id", "title"], optional: ["text", "agenda_item_id"], additionalOptional: { agenda_type: { type: ["string", "null"], enum: ["common", "internal", "hidden", null] }, agenda_duration: { type: ["integer", "null"], minimum: 0 }, agenda_tag_ids: idListSchema } }),
  tagUpdate: updateSchema("tag", { optional: ["name"] }),
  tagDelete: deleteSchema("tag"),
  projectorCreate: createSchema("projector", { required: ["meeting_id"], optional: ["name", "color", "width", "scale"] }),
  meetingUpdate: updateSchema("meeting", { optional: ["name", "motion_poll_projection_name_order_first", "reference_projector_id", "default_projector_topic_ids", "enable_anonymous"] }),
  motionStateCreate: createSchema("motion_state", { required: ["name", "workflow_id"], optional: ["css_class", "restrictions", "weight"] }),
  userCreate: createSchema("user", { required: ["username"], optional: ["pronoun", "default_vote_weight", "gender_id", "is_active"] }),
  sort: linearSortSchema("motion_block", "motion_block_ids"),
  tree: treeSortSchema("agenda_item"),
  amendment: { type: "object", properties: { amendment_paragraphs: numberStringJsonSchema }, additionalProperties: false },
  projection: { type: "object", properties: { ids: idListSchema, content_object_id: requiredFqidSchema, direction: { type: "string", enum: ["up", "down", "reset"] }, step: { type: "integer", minimum: 1 } }, required: ["ids"], additionalProperties: false },
  singular: { type: "array", items: { type: "object" }, minItems: 1, maxItems: 1 },
  presenterPayload: { type: "array", minItems: 1, uniqueItems: true, items: { type: "object", properties: { presenter: { type: "string", minLength: 1 }, data: { type: "object" } }, required: ["presenter"], additionalProperties: false } },
  oneOf: { type: "object", properties: { username: { oneOf: [{ type: "string", minLength: 1 }, { type: "array", items: { type: "string" }, minItems: 1 }] } } },
  anyOf: { type: "object", properties: { value: { anyOf: [{ type: "string" }, { type: "integer" }] } } },
  nested: { type: "object", properties: { saml_attr_mapping: { type: "object", properties: { saml_id: { type: "string" }, meeting_mappers: { type: "array", items: { type: "object", properties: { external_id: { type: "string" }, mappings: { type: "object", properties: { groups: { type: "array", items: { type: "object", properties: { attribute: { type: "string" } }, additionalProperties: false } } }, additionalProperties: false } }, required: ["external_id"], additionalProperties: false } } }, required: ["saml_id"], additionalProperties: false } } },
  bounds: { type: "object", properties: { f: { type: "number", minimum: 0.000001, maximum: 0.5 }, l: { type: "array", maxItems: 2 }, p: { type: "object", minProperties: 1 }, c: { const: "x" }, n: { not: { type: "string" } } } },
};

// [schema, data, message fastjsonschema 2.22 gives for it, what the case shows]
const CASES: [keyof typeof SCHEMAS, unknown, string, string][] = [
  ["topicCreate", {}, "data must contain ['meeting_id', 'title'] properties", "missing required, sorted"],
  ["topicCreate", {"title":"t"}, "data must contain ['meeting_id'] properties", "one missing"],
  ["topicCreate", {"meeting_id":1,"title":"t","foo":1}, "data must not contain {'foo'} properties", "extra key"],
  ["topicCreate", {"meeting_id":"1","title":5}, "data.meeting_id must be integer", "first property in schema order wins"],
  ["topicCreate", {"title":5,"meeting_id":1,"foo":1}, "data.title must be string", "a property error before additionalProperties"],
  ["topicCreate", {"foo":1}, "data must contain ['meeting_id', 'title'] properties", "required before additionalProperties"],
  ["topicCreate", {"meeting_id":0,"title":"t"}, "data.meeting_id must be bigger than or equal to 1", "minimum"],
  ["topicCreate", {"meeting_id":1.5,"title":"t"}, "data.meeting_id must be integer", "float for integer"],
  ["topicCreate", {"meeting_id":true,"title":"t"}, "data.meeting_id must be integer", "boolean is no integer"],
  ["topicCreate", {"meeting_id":1,"title":""}, "data.title must be longer than or equal to 1 characters", "minLength"],
  ["topicCreate", {"meeting_id":1,"title":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}, "data.title must be shorter than or equal to 256 characters", "maxLength"],
  ["topicCreate", {"meeting_id":1,"title":"t","text":5}, "data.text must be string or null", "nullable type"],
  ["topicCreate", {"meeting_id":1,"title":"t","agenda_type":"other"}, "data.agenda_type must be one of ['common', 'internal', 'hidden', None]", "enum with None"],
  ["topicCreate", {"meeting_id":1,"title":"t","agenda_duration":-1}, "data.agenda_duration must be bigger than or equal to 0", "minimum 0"],
  ["topicCreate", {"meeting_id":1,"title":"t","agenda_tag_ids":[1,1]}, "data.agenda_tag_ids must contain unique items", "unique items"],
  ["topicCreate", {"meeting_id":1,"title":"t","agenda_tag_ids":["a","a"]}, "data.agenda_tag_ids must contain unique items", "uniqueness is checked before the items"],
  ["topicCreate", {"meeting_id":1,"title":"t","agenda_tag_ids":[1,"x"]}, "data.agenda_tag_ids[1] must be integer", "item type"],
  ["topicCreate", {"meeting_id":1,"title":"t","agenda_tag_ids":[0]}, "data.agenda_tag_ids[0] must be bigger than or equal to 1", "item minimum"],
  ["topicCreate", {"meeting_id":1,"title":"t","agenda_tag_ids":5}, "data.agenda_tag_ids must be array", "array type"],
  ["topicCreate", [], "data must be object", "not an object"],
  ["topicCreate", null, "data must be object", "null"],
  ["tagUpdate", {"name":"x"}, "data must contain ['id'] properties", "update needs id"],
  ["tagUpdate", {"id":1,"name":null}, "data.name must be string", "required field of the model stays non-null in update"],
  ["tagUpdate", {"id":"1"}, "data.id must be integer", "id type"],
  ["tagDelete", {"id":1,"name":"x"}, "data must not contain {'name'} properties", "delete takes only id"],
  ["projectorCreate", {"meeting_id":1,"color":"#12345G"}, "data.color must match pattern ^#[0-9a-fA-F]{6}$", "pattern"],
  ["projectorCreate", {"meeting_id":1,"width":0}, "data.width must be bigger than or equal to 1", "width minimum"],
  ["meetingUpdate", {"id":1,"motion_poll_projection_name_order_first":"x"}, "data.motion_poll_projection_name_order_first must be one of ['first_name', 'last_name']", "enum of a required field"],
  ["meetingUpdate", {"id":1,"reference_projector_id":"x"}, "data.reference_projector_id must be integer", "relation"],
  ["meetingUpdate", {"id":1,"default_projector_topic_ids":1}, "data.default_projector_topic_ids must be array", "relation list"],
  ["meetingUpdate", {"id":1,"enable_anonymous":[]}, "data.enable_anonymous must be boolean or string or integer or null", "boolean accepts string and integer"],
  ["meetingUpdate", {"id":1,"default_projector_non_existing_ids":[1]}, "data must not contain {'default_projector_non_existing_ids'} properties", "unknown field"],
  ["motionStateCreate", {"name":"s","workflow_id":1,"css_class":"pink"}, "data.css_class must be one of ['grey', 'red', 'green', 'lightblue', 'yellow']", "enum"],
  ["motionStateCreate", {"name":"s","workflow_id":1,"restrictions":["is_submitter","x"]}, "data.restrictions[1] must be one of ['motion.can_see_internal', 'motion.can_manage_metadata', 'motion.can_manage', 'is_submitter']", "item enum"],
  ["userCreate", {"username":"u","pronoun":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}, "data.pronoun must be shorter than or equal to 32 characters", "maxLength from the model"],
  ["userCreate", {"username":"u","default_vote_weight":"1.1234567"}, "data.default_vote_weight must match pattern ^-?(\\d|[1-9]\\d+)(\\.\\d{1,6})?$", "decimal pattern"],
  ["userCreate", {"username":"u","default_vote_weight":1}, "data.default_vote_weight must be string or null", "decimal is a string"],
  ["sort", {"meeting_id":1,"motion_block_ids":[2,2]}, "data.motion_block_ids must contain unique items", "linear sort"],
  ["sort", {"meeting_id":1}, "data must contain ['motion_block_ids'] properties", "linear sort ids required"],
  ["tree", {"meeting_id":1,"tree":[]}, "data.tree must contain at least 1 items", "tree minItems"],
  ["tree", {"meeting_id":1,"tree":[{"id":1},{"id":1}]}, "data.tree must contain unique items", "tree unique"],
  ["tree", {"meeting_id":1,"tree":[{"id":1,"children":[{"id":2,"children":[{"id":0}]}]}]}, "data.tree[0].children[0].children[0].id must be bigger than or equal to 1", "nested node"],
  ["tree", {"meeting_id":1,"tree":[{"id":1,"children":[{"x":1}]}]}, "data.tree[0].children[0] must contain ['id'] properties", "node required"],
  ["tree", {"meeting_id":1,"tree":[{"id":1,"children":[]}]}, "data.tree[0].children must contain at least 1 items", "children minItems"],
  ["amendment", {"amendment_paragraphs":{"0":"a","a4":"b"}}, "data.amendment_paragraphs must not contain {'a4'} properties", "pattern properties"],
  ["amendment", {"amendment_paragraphs":{"1":5}}, "data.amendment_paragraphs.1 must be string", "pattern property value"],
  ["amendment", {"amendment_paragraphs":[]}, "data.amendment_paragraphs must be object", "object type"],
  ["projection", {"ids":[1,1]}, "data.ids must contain unique items", "unique ids"],
  ["projection", {"ids":[1],"content_object_id":"Motion/1"}, "data.content_object_id must match pattern ^[a-z](?:[a-z_]+[a-z]+)?/[1-9][0-9]*$", "fqid pattern"],
  ["projection", {"ids":[1],"direction":"left"}, "data.direction must be one of ['up', 'down', 'reset']", "enum"],
  ["projection", {"ids":[1],"step":0}, "data.step must be bigger than or equal to 1", "step"],
  ["singular", [], "data must contain at least 1 items", "singular: at least one"],
  ["singular", [{},{}], "data must contain less than or equal to 1 items", "singular: at most one"],
  ["presenterPayload", [], "data must contain at least 1 items", "presenter payload"],
  ["presenterPayload", [{"presenter":"a"},{"presenter":"a"}], "data must contain unique items", "presenter unique"],
  ["presenterPayload", [{"presenter":""}], "data[0].presenter must be longer than or equal to 1 characters", "presenter name"],
  ["presenterPayload", [{"presenter":"a","data":[]}], "data[0].data must be object", "presenter data"],
  ["oneOf", {"username":5}, "data.username must be valid exactly by one definition (0 matches found)", "oneOf none"],
  ["oneOf", {"username":[]}, "data.username must be valid exactly by one definition (0 matches found)", "oneOf: inner errors are not reported"],
  ["anyOf", {"value":1.5}, "data.value cannot be validated by any definition", "anyOf"],
  ["nested", {"saml_attr_mapping":{}}, "data.saml_attr_mapping must contain ['saml_id'] properties", "nested required"],
  ["nested", {"saml_attr_mapping":{"saml_id":"s","unkown_field":1}}, "data.saml_attr_mapping must not contain {'unkown_field'} properties", "nested extra"],
  ["nested", {"saml_attr_mapping":{"saml_id":"s","meeting_mappers":[{}]}}, "data.saml_attr_mapping.meeting_mappers[0] must contain ['external_id'] properties", "in a list"],
  ["nested", {"saml_attr_mapping":{"saml_id":"s","meeting_mappers":[{"external_id":"e","mappings":{"groups":[{"unknown_field":1}]}}]}}, "data.saml_attr_mapping.meeting_mappers[0].mappings.groups[0] must not contain {'unknown_field'} properties", "deep"],
  ["nested", {"saml_attr_mapping":[]}, "data.saml_attr_mapping must be object", "nested type"],
  ["bounds", {"f":0}, "data.f must be bigger than or equal to 1e-06", "float minimum printed as Python does"],
  ["bounds", {"f":0.7}, "data.f must be smaller than or equal to 0.5", "float maximum"],
  ["bounds", {"l":[1,2,3]}, "data.l must contain less than or equal to 2 items", "maxItems"],
  ["bounds", {"p":{}}, "data.p must contain at least 1 properties", "minProperties"],
  ["bounds", {"c":"y"}, "data.c must be same as const definition: x", "const"],
  ["bounds", {"n":"s"}, "data.n must NOT match a disallowed definition", "not"],
];

describe("schema violations are worded as upstream words them", () => {
  for (const [schema, data, expected, what] of CASES) {
    test(`${schema}: ${what}`, () => {
      assert.equal(schemaError(SCHEMAS[schema], data), expected);
    });
  }

  test("valid data gives no message", () => {
    assert.equal(schemaError(SCHEMAS.topicCreate, { meeting_id: 1, title: "t", agenda_tag_ids: [1, 2], agenda_type: null }), undefined);
    assert.equal(schemaError(SCHEMAS.tree, { meeting_id: 1, tree: [{ id: 1, children: [{ id: 2 }] }, { id: 3 }] }), undefined);
    assert.equal(schemaError(SCHEMAS.meetingUpdate, { id: 1, enable_anonymous: "yes" }), undefined);
  });

  test("several unknown keys are listed as a Python set", () => {
    const message = schemaError(SCHEMAS.tagDelete, { id: 1, b: 1, a: 2 });
    // Python prints sets of strings in no fixed order; we keep the payload's order.
    assert.equal(message, "data must not contain {'b', 'a'} properties");
  });

  test("an action's item message carries the action name", () => {
    assert.equal(actionDataError("topic.create", SCHEMAS.topicCreate, { meeting_id: 1 }), "Action topic.create: data must contain ['title'] properties");
    assert.equal(actionDataError("topic.create", SCHEMAS.topicCreate, { meeting_id: 1, title: "x" }), undefined);
  });
});

describe("the request body", () => {
  const cases: [unknown, string | undefined][] = [
    [{ a: 1 }, "data must be array"],
    ["x", "data must be array"],
    [[{}], "data[0] must contain ['action', 'data'] properties"],
    [[{ action: "topic.create" }], "data[0] must contain ['data'] properties"],
    [[{ action: "topic.create", data: [], x: 1 }], "data[0] must not contain {'x'} properties"],
    [[{ action: "", data: [] }], "data[0].action must be longer than or equal to 1 characters"],
    [[{ action: 5, data: [] }], "data[0].action must be string"],
    [[{ action: "topic.create", data: {} }], "data[0].data must be array"],
    [[{ action: "topic.create", data: [1] }], "data[0].data[0] must be object"],
    [[{ action: "a", data: [] }, { action: "b", data: [{}, "x"] }], "data[1].data[1] must be object"],
    [[{ action: "topic.create", data: [{ anything: 1 }] }], undefined],
  ];
  for (const [payload, expected] of cases) {
    test(JSON.stringify(payload), () => assert.equal(actionPayloadError(payload), expected));
  }

  test("the schema is upstream's", () => {
    assert.equal(ACTION_PAYLOAD_SCHEMA.title, "Schema for action API");
    assert.deepEqual((ACTION_PAYLOAD_SCHEMA.items as Record<string, unknown>).required, ["action", "data"]);
  });
});

describe("schema builders", () => {
  test("create: required model fields first, then optional ones, then extra properties; nothing else allowed", () => {
    const schema = createSchema("topic", { required: ["meeting_id", "title"], optional: ["text"], additionalOptional: { agenda_create: { type: "boolean" } } });
    assert.equal(schema.title, "Create schema for single topic");
    assert.equal(schema.description, "A new topic object.");
    assert.deepEqual(Object.keys(schema.properties as object), ["meeting_id", "title", "text", "agenda_create"]);
    assert.deepEqual(schema.required, ["meeting_id", "title"]);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual((schema.properties as Record<string, unknown>).title, { maxLength: 256, type: "string", minLength: 1 });
    assert.deepEqual((schema.properties as Record<string, unknown>).text, { type: ["string", "null"] });
  });

  test("update: id first and required; delete: only id; titles use the verbose name", () => {
    const update = updateSchema("agenda_item", { optional: ["comment"] });
    assert.deepEqual(update.required, ["id"]);
    assert.deepEqual(Object.keys(update.properties as object), ["id", "comment"]);
    assert.equal(update.title, "Update schema for single agenda item");
    const remove = deleteSchema("agenda_item");
    assert.deepEqual(Object.keys(remove.properties as object), ["id"]);
    assert.equal(remove.description, "An instance of agenda item to be deleted.");
  });

  test("sort schemas", () => {
    const linear = linearSortSchema("motion_block", "motion_block_ids");
    assert.deepEqual(linear.required, ["meeting_id", "motion_block_ids"]);
    assert.deepEqual((linear.properties as Record<string, unknown>).motion_block_ids, idListSchema);
    const tree = treeSortSchema("motion_category");
    assert.deepEqual(tree.required, ["meeting_id", "tree"]);
    assert.equal(tree.title, "Sort motion category schema");
  });

  test("unknown and read-only fields are coding errors", () => {
    assert.throws(() => createSchema("topic", { optional: ["no_such_field"] }), /has no field no_such_field/);
    assert.throws(() => createSchema("topic", { optional: ["sequential_number"] }), /read_only/);
  });

  test("fragments", () => {
    assert.equal(schemaError(requiredFqidSchema, "motion/1"), undefined);
    assert.equal(schemaError(requiredFqidSchema, "motion/0"), "data must match pattern ^[a-z](?:[a-z_]+[a-z]+)?/[1-9][0-9]*$");
    assert.equal(schemaError(numberStringJsonSchema, { "0": "a", "12": "b" }), undefined);
  });
});

describe("field coercion before the permission check", () => {
  const booleans: [unknown, boolean | null][] = [
    [true, true], [false, false], [null, null], ["1", true], ["TRUE", true], ["Yes", true], ["t", true], ["y", true],
    ["0", false], ["false", false], ["NO", false], ["f", false], ["n", false], [1, true], [0, false],
  ];
  for (const [input, expected] of booleans) {
    test(`boolean ${JSON.stringify(input)}`, () => assert.equal(coerceBoolean(input), expected));
  }
  const notBooleans: [unknown, string][] = [
    ["maybe", "Could not parse maybe, expect boolean"],
    [2, "Could not parse 2, expect boolean"],
    [1.5, "Could not parse 1.5, expect boolean"],
    ["", "Could not parse , expect boolean"],
  ];
  for (const [input, message] of notBooleans) {
    test(`not a boolean: ${JSON.stringify(input)}`, () => {
      assert.throws(() => coerceBoolean(input), (error: unknown) => error instanceof ActionError && error.message === message);
    });
  }

  test("decimal bounds", () => {
    assert.equal(checkDecimal("default_vote_weight", "0.000001", "0.000001"), "0.000001");
    assert.equal(checkDecimal("default_vote_weight", "12.5", "0.000001"), "12.5");
    assert.equal(checkDecimal("default_vote_weight", null, "0.000001"), null);
    assert.throws(() => checkDecimal("default_vote_weight", "0.000000", "0.000001"), { message: "default_vote_weight must be bigger than or equal to 0.000001." });
    assert.throws(() => checkDecimal("default_vote_weight", "-1", "0.000001"), { message: "default_vote_weight must be bigger than or equal to 0.000001." });
    assert.throws(() => checkDecimal("x", "5.5", undefined, "5"), { message: "x must be smaller than or equal to 5." });
    assert.throws(() => checkDecimal("x", "abc", "1"), { message: "x: value 'abc' couldn't be converted to decimal." });
    // Like upstream, unbounded decimals (and a bound of 0) are not checked here.
    assert.equal(checkDecimal("x", "abc"), "abc");
    assert.equal(checkDecimal("x", "-3", 0), "-3");
  });

  test("decimal arithmetic is exact", () => {
    assert.equal(compareDecimals(parseDecimal("0.1")!, parseDecimal("0.10")!), 0);
    assert.equal(compareDecimals(parseDecimal("1e2")!, parseDecimal("99.999999")!), 1);
    assert.equal(compareDecimals(parseDecimal("-0.000001")!, parseDecimal("0")!), -1);
    assert.equal(compareDecimals(parseDecimal("123456789012345678901.000001")!, parseDecimal("123456789012345678901")!), 1);
    assert.equal(parseDecimal("1,5"), undefined);
  });

  test("model fields of an item are coerced and sanitised in place; other keys are left alone", () => {
    const item = validateModelFields("meeting", { id: 1, enable_anonymous: "yes", welcome_text: "<p>hi</p><script>x</script>", not_a_field: "no" });
    assert.deepEqual(item, { id: 1, enable_anonymous: true, welcome_text: "<p>hi</p>&lt;script&gt;x&lt;/script&gt;", not_a_field: "no" });
    const user = validateModelFields("user", { default_vote_weight: "2.5", is_active: 0 });
    assert.deepEqual(user, { default_vote_weight: "2.5", is_active: false });
    assert.throws(() => validateModelFields("user", { default_vote_weight: "0.000000" }), { message: "default_vote_weight must be bigger than or equal to 0.000001." });
    assert.throws(() => validateModelFields("meeting", { enable_anonymous: "perhaps" }), { message: "Could not parse perhaps, expect boolean" });
  });

  test("a value about to be written is checked against its field's schema", () => {
    assert.equal(fieldSchemaError(getField("topic", "title")!, "x"), undefined);
    assert.equal(fieldSchemaError(getField("topic", "title")!, ""), "data must be longer than or equal to 1 characters");
    assert.equal(fieldSchemaError(getField("meeting", "name")!, 5), "data must be string");
  });
});

describe("Python representations in messages", () => {
  test("strings", () => {
    assert.equal(pythonStringRepr("a"), "'a'");
    assert.equal(pythonStringRepr("it's"), `"it's"`);
    assert.equal(pythonStringRepr(`it's "x"`), `'it\\'s "x"'`);
    assert.equal(pythonStringRepr("a\nb\\"), "'a\\nb\\\\'");
    assert.equal(pythonStringRepr("ä\u00a0"), "'ä\\xa0'");
  });

  test("numbers, lists, sets", () => {
    assert.deepEqual([0.000001, 0.5, 1, 1e16, 123.25, 2 ** 70, 1.5e-300].map(pythonNumberRepr), ["1e-06", "0.5", "1", "10000000000000000", "123.25", "1180591620717411303424", "1.5e-300"]);
    assert.equal(pythonNumberRepr(0.000015), "1.5e-05");
    assert.equal(pythonRepr(["a", null, true, 2, { k: [1] }]), "['a', None, True, 2, {'k': [1]}]");
    assert.equal(pythonSetRepr(["x", "y", "x"]), "{'x', 'y'}");
    assert.equal(pythonSetRepr([]), "set()");
  });
});
