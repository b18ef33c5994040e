// Assembles src/meta/generated/schema.sql, section by section in upstream's order:
// enum types, functions and meta tables, collection tables, intermediate tables, views,
// foreign keys and indexes, and the triggers.
import { buildRelationalModel, ModelIndex } from "../relational.js";
import type { ModelSource } from "../source.js";
import { modelsChecksum } from "./checksum.js";
import { renderEnumTypes } from "./enums.js";
import { renderEqualFieldsTriggers } from "./equal-fields-triggers.js";
import { renderForeignKeys } from "./foreign-keys.js";
import { renderBaseDefinitions } from "./functions.js";
import {
  renderConstantTriggers,
  renderNotNullTriggers,
  renderSequenceTriggers,
  renderUniqueIdsPairTriggers,
} from "./integrity-triggers.js";
import { renderIntermediateTables } from "./intermediate-tables.js";
import { renderNotifyTriggers } from "./notify-triggers.js";
import { renderCollectionTables } from "./tables.js";
import { renderViews } from "./views.js";

export function renderSchema(source: ModelSource): string {
  const index = new ModelIndex(source);
  const model = buildRelationalModel(source);
  const sections: [string, string][] = [
    ["Enum types", renderEnumTypes(source)],
    ["Functions and meta tables", renderBaseDefinitions()],
    ["Collection tables", renderCollectionTables(index)],
    ["Intermediate tables", renderIntermediateTables(index, model.intermediateTables)],
    ["Views", renderViews(index, model)],
    ["Foreign keys and their indexes", renderForeignKeys(index)],
    ["Per-meeting sequence numbers", renderSequenceTriggers(index)],
    ["Required relations computed by views", renderNotNullTriggers(index)],
    ["Constant fields", renderConstantTriggers(index)],
    ["Symmetric n:m pairs", renderUniqueIdsPairTriggers(index)],
    ["Change log and notification", renderNotifyTriggers(index, model.intermediateTables)],
    ["equal_fields", renderEqualFieldsTriggers(index, model.intermediateTables)],
  ];
  const header = [
    "-- Relational schema of OpenSlides 4.3, generated from models/ by src/meta/sql/schema.ts.",
    "-- Code generated. DO NOT EDIT.",
    `-- MODELS_YML_CHECKSUM = '${modelsChecksum(source)}'`,
  ].join("\n");
  return [header, ...sections.map(([title, body]) => `-- ${title}\n\n${body}`)].join("\n\n\n") + "\n";
}
