// Sessions in the cache with upstream's exact layout (spec B4), so our auth routes and an
// upstream auth service can share one Redis:
//   hash auth:session:sessions  field auth:session:sessions:<sessionId> = JSON user id
//   set  auth:session:sessions:index  session ids
//   hash auth:session:users     field auth:session:users:<userId> = JSON array of session ids
//   set  auth:session:users:index  user ids
// Removing a session always appends `sessionId=<id>` to the `logout` stream, which every
// verifying process watches (revocations.ts).
//
// Like upstream, a user's session list is read, changed and written back without a lock:
// two logins of the same user at the same instant in two processes can lose one list entry.
import type { MessageBus } from "../bus/bus.js";
import { newSessionId } from "./tokens.js";

export const LOGOUT_STREAM = "logout";

const SESSIONS = "auth:session:sessions";
const USERS = "auth:session:users";

const sessionField = (sessionId: string): string => `${SESSIONS}:${sessionId}`;
const userField = (userId: string | number): string => `${USERS}:${userId}`;

export interface SessionStore {
  /** Creates a session for the user and returns its id. */
  add(userId: number): Promise<string>;
  has(sessionId: string): Promise<boolean>;
  /** The user id stored for the session. */
  userOf(sessionId: string): Promise<number | undefined>;
  /** Ids of all stored sessions (of all users). */
  list(): Promise<string[]>;
  /** Ids of all users with a session list. */
  listUsers(): Promise<string[]>;
  remove(sessionId: string): Promise<void>;
  removeAllOfUser(userId: number | string): Promise<void>;
  /** Removes the other sessions of the session's user. */
  removeAllOfUserExcept(sessionId: string): Promise<void>;
}

export interface SessionStoreOptions {
  /** Told synchronously about every revoked session of this process (before the bus round trip). */
  onRevoked?: (sessionId: string) => void;
}

export function createSessionStore(cache: MessageBus, messageBus: MessageBus, options: SessionStoreOptions = {}): SessionStore {
  async function sessionsOfUser(userId: string | number): Promise<string[]> {
    return parseSessionList(await cache.hashGet(USERS, userField(userId)));
  }

  async function writeSessionsOfUser(userId: string | number, sessionIds: string[]): Promise<void> {
    await cache.hashSet(USERS, userField(userId), JSON.stringify(sessionIds));
    await cache.setAdd(`${USERS}:index`, String(userId));
  }

  async function revoke(sessionId: string): Promise<void> {
    options.onRevoked?.(sessionId);
    await Promise.all([
      cache.hashDelete(SESSIONS, sessionField(sessionId)),
      cache.setRemove(`${SESSIONS}:index`, sessionId),
      messageBus.publish(LOGOUT_STREAM, { sessionId }),
    ]);
  }

  async function userOf(sessionId: string): Promise<number | undefined> {
    const stored = await cache.hashGet(SESSIONS, sessionField(sessionId));
    if (stored === undefined) return undefined;
    const userId = safeJson(stored);
    return typeof userId === "number" ? userId : Number.isInteger(Number(userId)) ? Number(userId) : undefined;
  }

  return {
    async add(userId) {
      const sessionId = newSessionId();
      const current = await sessionsOfUser(userId);
      await Promise.all([
        cache.hashSet(SESSIONS, sessionField(sessionId), JSON.stringify(userId)),
        cache.setAdd(`${SESSIONS}:index`, sessionId),
        writeSessionsOfUser(userId, [...current, sessionId]),
      ]);
      return sessionId;
    },

    async has(sessionId) {
      return (await cache.hashGet(SESSIONS, sessionField(sessionId))) !== undefined;
    },

    userOf,

    list: () => cache.setMembers(`${SESSIONS}:index`),

    listUsers: () => cache.setMembers(`${USERS}:index`),

    async remove(sessionId) {
      const userId = await userOf(sessionId);
      if (userId !== undefined) {
        const remaining = (await sessionsOfUser(userId)).filter((id) => id !== sessionId);
        await writeSessionsOfUser(userId, remaining);
      }
      await revoke(sessionId);
    },

    async removeAllOfUser(userId) {
      const sessionIds = await sessionsOfUser(userId);
      await Promise.all(sessionIds.map(revoke));
      await cache.hashDelete(USERS, userField(userId));
      await cache.setRemove(`${USERS}:index`, String(userId));
    },

    async removeAllOfUserExcept(sessionId) {
      const userId = await userOf(sessionId);
      if (userId === undefined) return;
      const others = (await sessionsOfUser(userId)).filter((id) => id !== sessionId);
      await Promise.all(others.map(revoke));
      await writeSessionsOfUser(userId, [sessionId]);
    },
  };
}

function parseSessionList(stored: string | undefined): string[] {
  const parsed = stored === undefined ? undefined : safeJson(stored);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
