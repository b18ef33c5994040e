// The list of generated files: relative path (from the project root) -> content.
// Each generator contributes its own entries here.
import { loadModelSource } from "./source.js";
import { buildRelationalModel } from "./relational.js";
import { renderStorageModule } from "./sql/storage-module.js";
import { renderSchema } from "./sql/schema.js";

export function renderGeneratedFiles(modelsDir: string): Record<string, string> {
  const source = loadModelSource(modelsDir);
  const files: Record<string, string> = {};
  void source;
  const relational = buildRelationalModel(source);
  files["src/meta/generated/storage.ts"] = renderStorageModule(relational);
  files["src/meta/generated/schema.sql"] = renderSchema(source);
  return files;
}
