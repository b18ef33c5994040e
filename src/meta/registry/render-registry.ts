// src/meta/generated/registry.ts: every collection and field of the models with its metadata
// and payload schema.
import type { ModelSource } from "../source.js";
import { buildRegistry } from "./describe-field.js";
import { expandedLiteral } from "./ts-literal.js";
import { GENERATED_HEADER } from "./header.js";

export function renderRegistry(source: ModelSource): string {
  return [
    GENERATED_HEADER,
    'import type { CollectionDefinition } from "../registry-types.js";',
    "",
    "export const REGISTRY: Readonly<Record<string, CollectionDefinition>> = " + expandedLiteral(buildRegistry(source), 4) + ";",
    "",
  ].join("\n");
}
