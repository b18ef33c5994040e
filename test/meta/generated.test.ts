import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderGeneratedFiles } from "../../src/meta/generated-files.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

test("every generated file equals what `npm run generate` renders from models/", () => {
  const files = renderGeneratedFiles(join(ROOT, "models"));
  assert.ok(Object.keys(files).length >= 5);
  for (const [path, content] of Object.entries(files)) {
    const onDisk = readFileSync(join(ROOT, path), "utf8");
    assert.ok(onDisk === content, `${path} is stale: run npm run generate`);
  }
});
