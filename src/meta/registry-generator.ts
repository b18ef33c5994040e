// The registry generator's contribution to `npm run generate`: the models registry (fields,
// relations, payload schemas), the wire model types and the permission tree.
import type { ModelSource } from "./source.js";
import { renderRegistry, renderRegistryJson } from "./registry/render-registry.js";
import { renderModels } from "./registry/render-models.js";
import { renderPermissions } from "./registry/render-permissions.js";

export function renderRegistryFiles(source: ModelSource): Record<string, string> {
  return {
    "src/meta/generated/registry.ts": renderRegistry(),
    "src/meta/generated/registry.json": renderRegistryJson(source),
    "src/meta/generated/models.ts": renderModels(source),
    "src/meta/generated/permissions.ts": renderPermissions(source),
  };
}
