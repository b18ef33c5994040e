// Password hashes as stored in user_t.password (spec B7): argon2id PHC strings for new
// hashes; the 152-character salted SHA-512 format of OpenSlides 3 is still verified and
// replaced at the next login.
//
// Every argon2 computation (64 MiB, about a second of one core on a busy machine) goes through one
// queue with a bounded number running at once. argon2 runs on libuv's thread pool, which file
// access, DNS and zstd share: unbounded, a login storm filled the pool and the memory and
// stalled every other request. Queued computations wait their turn in arrival order.
import { createHash, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import type * as Argon2 from "argon2";
import { WorkQueue } from "./work-queue.js";

const ARGON2_PREFIX = "$argon2";
const LEGACY_HASH_LENGTH = 152;
const LEGACY_SALT_LENGTH = 64;

// The native argon2 module is loaded by the first hash or verification, not at start.
let argon2Module: typeof Argon2 | undefined;
function argon2(): typeof Argon2 {
  argon2Module ??= createRequire(import.meta.url)("argon2") as typeof Argon2;
  return argon2Module;
}

/** argon2id (type 2 in the module's numbering). */
const ARGON2ID = 2;

const ARGON2_OPTIONS = {
  type: ARGON2ID,
  memoryCost: 65536,
  timeCost: 3,
  parallelism: 4,
  hashLength: 32,
} as const;

/** libuv's thread pool size (UV_THREADPOOL_SIZE, default 4). */
function threadPoolSize(): number {
  const size = Number(process.env.UV_THREADPOOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : 4;
}

/** One computation per core, leaving at least one pool thread for file access, DNS and zstd. */
export function defaultHashConcurrency(): number {
  return Math.max(1, Math.min(availableParallelism(), threadPoolSize() - 1));
}

const hashing = new WorkQueue(defaultHashConcurrency());

/** How many argon2 computations may run at once (OPENSLIDES_PASSWORD_HASH_CONCURRENCY). */
export function setHashConcurrency(limit: number): void {
  hashing.setLimit(limit);
}

/** Computations running and waiting (tests, benchmarks). */
export function hashQueueLoad(): { running: number; waiting: number; limit: number } {
  return hashing.load();
}

/** argon2id PHC string; "" for an empty input (as upstream). */
export async function hashPassword(password: string): Promise<string> {
  if (!password) return "";
  return hashing.run(() => argon2().hash(password, ARGON2_OPTIONS));
}

/** Whether password matches hash. Empty values, unknown formats and malformed argon2 strings never match. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!password || !hash) return false;
  if (hash.startsWith(ARGON2_PREFIX)) {
    try {
      return await hashing.run(() => argon2().verify(hash, password));
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
  dummyHash ??= hashPassword("openslides-dummy-password");
  await verifyPassword(password || "-", await dummyHash);
  return false;
}
