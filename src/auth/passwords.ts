// Password hashes as stored in user_t.password (spec B7): argon2id PHC strings for new
// hashes; the 152-character salted SHA-512 format of OpenSlides 3 is still verified and
// replaced at the next login.
import { createHash, timingSafeEqual } from "node:crypto";
import argon2 from "argon2";

const ARGON2_PREFIX = "$argon2";
const LEGACY_HASH_LENGTH = 152;
const LEGACY_SALT_LENGTH = 64;

const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 65536,
  timeCost: 3,
  parallelism: 4,
  hashLength: 32,
} as const;

/** argon2id PHC string; "" for an empty input (as upstream). */
export async function hashPassword(password: string): Promise<string> {
  if (!password) return "";
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** Whether password matches hash. Empty values, unknown formats and malformed argon2 strings never match. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!password || !hash) return false;
  if (hash.startsWith(ARGON2_PREFIX)) {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
  if (isLegacyHash(hash)) return legacyHashMatches(password, hash);
  return false;
}

export function isLegacyHash(hash: string): boolean {
  return !hash.startsWith(ARGON2_PREFIX) && hash.length === LEGACY_HASH_LENGTH;
}

/** salt (first 64 chars) + base64(SHA-512(password + salt)), compared in constant time. */
function legacyHashMatches(password: string, hash: string): boolean {
  const salt = hash.slice(0, LEGACY_SALT_LENGTH);
  const expected = Buffer.from(salt + createHash("sha512").update(password + salt, "utf8").digest("base64"));
  const stored = Buffer.from(hash);
  return expected.length === stored.length && timingSafeEqual(expected, stored);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends about as long as a real verification, for unknown users and users without a
 * password, so response times do not tell which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= argon2.hash("openslides-dummy-password", ARGON2_OPTIONS);
  await verifyPassword(password || "-", await dummyHash);
  return false;
}
