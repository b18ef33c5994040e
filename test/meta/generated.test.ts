import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderGeneratedFiles } from "../../src/meta/generated-files.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const onDisk = (path: string) => readFileSync(join(ROOT, path), "utf8");

test("every generated file equals what `npm run generate` renders from models/", () => {
  const files = renderGeneratedFiles(join(ROOT, "models"));
  for (const path of ["src/meta/generated/registry.ts", "src/meta/generated/registry.json", "src/meta/generated/models.ts", "src/meta/generated/permissions.ts"]) {
    assert.ok(path in files, `${path} is generated`);
  }
  for (const [path, content] of Object.entries(files)) {
    assert.ok(onDisk(path) === content, `${path} is stale: run npm run generate`);
  }
});

test("a changed models YAML makes the committed files stale", () => {
  const dir = mkdtempSync(join(tmpdir(), "models-"));
  try {
    cpSync(join(ROOT, "models"), dir, { recursive: true });
    const topic = join(dir, "collections", "topic.yml");
    writeFileSync(topic, readFileSync(topic, "utf8").replace(/^  title:\n/m, "  title:\n    maxLength: 100\n"));
    const files = renderGeneratedFiles(dir);
    assert.notEqual(files["src/meta/generated/registry.json"], onDisk("src/meta/generated/registry.json"));
    assert.notEqual(files["src/meta/generated/schema.sql"], onDisk("src/meta/generated/schema.sql"));
    assert.match(files["src/meta/generated/registry.json"]!, /"schema":\{"maxLength":100,"type":"string","minLength":1\}/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
