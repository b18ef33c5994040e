// MODELS_YML_CHECKSUM of the schema header.
import { createHash } from "node:crypto";
import type { ModelSource } from "../source.js";

export function modelsChecksum(source: ModelSource): string {
  const hash = createHash("md5");
  for (const name of Object.keys(source.texts).sort()) hash.update(source.texts[name]!);
  return hash.digest("hex");
}
