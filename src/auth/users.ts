// The auth service's own database access (spec B8): it reads login data of user_t and the
// organization's SAML switch, and writes only user_t.last_login and user_t.password.
import type { Database } from "../db/types.js";

/** The auth service only runs plain SQL. */
export type AuthDatabase = Pick<Database, "query">;

export interface LoginUser {
  id: number;
  username: string;
  password: string | null;
  is_active: boolean | null;
  saml_id: string | null;
}

export async function findUsersByUsername(db: AuthDatabase, username: string): Promise<LoginUser[]> {
  return db.query<LoginUser>("SELECT id, username, password, is_active, saml_id FROM user_t WHERE username = $1", [username]);
}

export async function recordLogin(db: AuthDatabase, userId: number): Promise<void> {
  await db.query("UPDATE user_t SET last_login = $1 WHERE id = $2", [new Date().toISOString(), userId]);
}

export async function replacePasswordHash(db: AuthDatabase, userId: number, hash: string): Promise<void> {
  await db.query("UPDATE user_t SET password = $1 WHERE id = $2", [hash, userId]);
}

export async function isSamlEnabled(db: AuthDatabase): Promise<boolean> {
  const rows = await db.query<{ saml_enabled: boolean | null }>("SELECT saml_enabled FROM organization_t WHERE id = 1");
  return rows[0]?.saml_enabled === true;
}
