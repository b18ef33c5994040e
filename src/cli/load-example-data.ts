// `npm run example-data`: loads the upstream example data (seed/example-data.json) into the
// configured database, which must be empty (as upstream's organization.initial_import).
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../config.js";
import { createDatabase } from "../db/database.js";
import { readSeed } from "../setup/first-start.js";
import { importModels } from "../setup/import-models.js";

async function main(): Promise<number> {
  const config = loadConfig();
  const db = await createDatabase(config);
  try {
    const result = await importModels(db, readSeed("example-data.json"));
    console.log(result.message);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
