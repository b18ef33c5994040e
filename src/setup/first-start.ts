// First start of an empty database: the organization comes from seed/initial-data.json
// (seed/example-data.json in development, with admin/admin, a/a, b/b), and the superadmin gets
// a password: SUPERADMIN_PASSWORD_FILE's, or a random one kept in the data folder and printed once.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "../auth/passwords.js";
import type { Config } from "../config.js";
import type { SqlDatabase } from "../db/database.js";
import type { Logger } from "../log.js";
import { importModels, type ModelsMap } from "./import-models.js";

export const SEED_DIR = fileURLToPath(new URL("../../../seed/", import.meta.url));

export function readSeed(name: "initial-data.json" | "example-data.json"): ModelsMap {
  return JSON.parse(readFileSync(join(SEED_DIR, name), "utf8")) as ModelsMap;
}

export interface FirstStartResult {
  imported: "initial-data.json" | "example-data.json" | undefined;
  /** The generated superadmin password, when one was generated. */
  generatedPassword?: string;
}

async function hasOrganization(db: SqlDatabase): Promise<boolean> {
  const rows = await db.query<{ count: number }>("SELECT count(*)::integer AS count FROM organization_t");
  return (rows[0]?.count ?? 0) > 0;
}

async function setSuperadminPassword(db: SqlDatabase, password: string): Promise<void> {
  await db.query("UPDATE user_t SET password = $1 WHERE id = 1", [await hashPassword(password)]);
}

/** Writes the password file; returns where it is kept, or undefined when it could not be written. */
function keepPassword(dataDir: string, password: string, log: Logger): string | undefined {
  const file = join(dataDir, "superadmin-password");
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    return file;
  } catch (error) {
    // The password is already stored; the banner is then the only place it is shown.
    log.warn(`could not write ${file}`, error);
    return undefined;
  }
}

function announce(log: Logger, password: string, file: string | undefined): void {
  const line = "=".repeat(64);
  const kept = file ? `(kept in ${file})` : "(not kept anywhere else: note it now)";
  log.info(`\n${line}\n  First start: log in as "superadmin" with the password\n\n      ${password}\n\n  ${kept}\n${line}`);
}

export async function prepareInitialData(config: Config, db: SqlDatabase, log: Logger): Promise<FirstStartResult> {
  if (await hasOrganization(db)) return { imported: undefined };
  const seed = config.development ? "example-data.json" : "initial-data.json";
  try {
    await importModels(db, readSeed(seed));
  } catch (error) {
    // Another process of the same deployment may have imported at the same moment.
    if (await hasOrganization(db)) return { imported: undefined };
    throw error;
  }
  log.info(`empty database: imported ${seed}`);
  if (config.superadminPassword !== undefined) {
    await setSuperadminPassword(db, config.superadminPassword);
    return { imported: seed };
  }
  if (config.development) return { imported: seed };
  const password = randomBytes(15).toString("base64url");
  await setSuperadminPassword(db, password);
  announce(log, password, keepPassword(config.dataDir, password, log));
  return { imported: seed, generatedPassword: password };
}
