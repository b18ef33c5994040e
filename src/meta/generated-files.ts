// The list of generated files: relative path (from the project root) -> content.
// Each generator contributes its own entries here.
import { loadModelSource } from "./source.js";

export function renderGeneratedFiles(modelsDir: string): Record<string, string> {
  const source = loadModelSource(modelsDir);
  const files: Record<string, string> = {};
  void source;
  return files;
}
