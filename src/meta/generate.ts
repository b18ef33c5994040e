// `npm run generate`: writes every generated file from the models YAML.
// The staleness test (test/meta/generated.test.ts) renders the same files in memory and compares.
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderGeneratedFiles } from "./generated-files.js";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [relativePath, content] of Object.entries(renderGeneratedFiles(join(PROJECT_ROOT, "models")))) {
    const target = join(PROJECT_ROOT, relativePath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${relativePath}`);
  }
}
