// Every registered action's payload schema is a valid JSON schema (strict ajv).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Ajv } from "ajv";
import { loadActions } from "../../src/action/actions/load.js";
import { registeredActions } from "../../src/action/framework/registry.js";
import { SCHEMA_ANNOTATION_KEYWORDS } from "../../src/meta/field-schema.js";

test("all action schemas compile", async () => {
  await loadActions();
  const actions = registeredActions();
  assert.ok(actions.length >= 20);
  const ajv = new Ajv({ strict: true, strictTypes: false, allowUnionTypes: true, keywords: [...SCHEMA_ANNOTATION_KEYWORDS] });
  for (const action of actions) {
    assert.doesNotThrow(() => ajv.compile(action.schema), `${action.name}`);
  }
});
