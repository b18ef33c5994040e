// Enum types: the shared enums of collection-meta.yml, then one per field with its own value list.
import { enumTypeOf } from "../relational.js";
import type { ModelSource } from "../source.js";
import { enumTypeName } from "./names.js";
import { literal } from "./sql-text.js";

export interface EnumType {
  name: string;
  values: string[];
}

export function collectEnumTypes(source: ModelSource): EnumType[] {
  const types: EnumType[] = Object.entries(source.enumDefinitions).map(([name, values]) => ({
    name: enumTypeName(name),
    values: values.map(String),
  }));
  for (const collection of source.collections) {
    for (const field of collection.fields) {
      if (field.sharedEnum || field.raw.calculated) continue;
      const name = enumTypeOf(collection.name, field);
      if (!name) continue;
      const items = field.raw.items as { enum?: unknown[] } | undefined;
      const values = (field.raw.enum ?? items?.enum) as unknown[];
      types.push({ name, values: values.map(String) });
    }
  }
  return types;
}

export function renderEnumTypes(source: ModelSource): string {
  return collectEnumTypes(source)
    .map((type) => `CREATE TYPE ${type.name} AS ENUM (${type.values.map(literal).join(", ")});`)
    .join("\n");
}
