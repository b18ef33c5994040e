// Where the generated schema lives, for the database layer applying it to a fresh database.
// The .sql file is not copied into dist/, so it is found from the project root.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function projectRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, "package.json"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error("project root (package.json) not found");
    directory = parent;
  }
  return directory;
}

export const SCHEMA_SQL_PATH = join(projectRoot(), "src", "meta", "generated", "schema.sql");

/** The whole schema: one script to run inside one transaction on an empty database. */
export function readSchemaSql(): string {
  return readFileSync(SCHEMA_SQL_PATH, "utf8");
}
