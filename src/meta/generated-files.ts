// The list of generated files: relative path (from the project root) -> content.
// Each generator contributes its own entries here.
import { loadModelSource } from "./source.js";
import { buildRelationalModel } from "./relational.js";
import { renderRegistryFiles } from "./registry-generator.js";
import { renderStorageModule } from "./sql/storage-module.js";
import { renderSchema } from "./sql/schema.js";

export function renderGeneratedFiles(modelsDir: string): Record<string, string> {
  const source = loadModelSource(modelsDir);
  return {
    ...renderRegistryFiles(source),
    "src/meta/generated/storage.ts": renderStorageModule(buildRelationalModel(source)),
    "src/meta/generated/schema.sql": renderSchema(source),
  };
}
