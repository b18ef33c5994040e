// src/meta/generated/registry.json: every collection and field of the models with its metadata
// and payload schema, one field a line; and src/meta/generated/registry.ts, which reads it.
// The data is JSON read with JSON.parse rather than a module literal: V8 keeps a module's source
// text and the literal's templates for the process's life, about 1.2 MiB more memory for the
// registry (issue 17, bench/start.md).
import type { ModelSource } from "../source.js";
import { buildRegistry } from "./describe-field.js";
import { GENERATED_HEADER } from "./header.js";

export function renderRegistry(): string {
  return [
    GENERATED_HEADER,
    "// The registry's data is in registry.json (see src/meta/registry/render-registry.ts for why).",
    'import { createRequire } from "node:module";',
    'import type { CollectionDefinition } from "../registry-types.js";',
    "// Only for the build: it makes tsc copy registry.json next to this module.",
    'import type {} from "./registry.json";',
    "",
    'export const REGISTRY = createRequire(import.meta.url)("./registry.json") as Readonly<Record<string, CollectionDefinition>>;',
    "",
  ].join("\n");
}

export function renderRegistryJson(source: ModelSource): string {
  const lines = ["{"];
  const collections = Object.entries(buildRegistry(source));
  collections.forEach(([name, collection], collectionIndex) => {
    lines.push(`  ${JSON.stringify(name)}: {`);
    const entries = Object.entries(collection as unknown as Record<string, unknown>);
    entries.forEach(([key, value], entryIndex) => {
      const comma = entryIndex < entries.length - 1 ? "," : "";
      if (key !== "fields") {
        lines.push(`    ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
        return;
      }
      lines.push(`    "fields": {`);
      const fields = Object.entries(value as Record<string, unknown>);
      fields.forEach(([fieldName, field], fieldIndex) => {
        lines.push(`      ${JSON.stringify(fieldName)}: ${JSON.stringify(field)}${fieldIndex < fields.length - 1 ? "," : ""}`);
      });
      lines.push(`    }${comma}`);
    });
    lines.push(`  }${collectionIndex < collections.length - 1 ? "," : ""}`);
  });
  lines.push("}", "");
  return lines.join("\n");
}
