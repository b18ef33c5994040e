// Login throttling (beyond upstream, which has none): failed logins are counted per
// username and per remote address in fixed windows; at the limit, further attempts are
// refused with 429 until the window ends, whatever the password. The counters live on the
// cache bus, so all processes of a deployment share them.
//
// The address limit is set high on purpose: a conference venue puts hundreds of delegates
// behind one NAT address. Behind a reverse proxy every request has the proxy's address, so
// there the address limit acts as a global limit; raise or disable it (0) in that case.
import type { MessageBus } from "../bus/bus.js";

export interface LoginRateLimitOptions {
  /** Failed logins per username and window; 0 disables. */
  maxFailuresPerUsername: number;
  /** Failed logins per remote address and window; 0 disables. */
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = {
  maxFailuresPerUsername: 10,
  maxFailuresPerAddress: 100,
  windowSeconds: 300,
};

export type LoginPermission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LoginRateLimiter {
  check(username: string, address: string): Promise<LoginPermission>;
  recordFailure(username: string, address: string): Promise<void>;
  /** A successful login forgets the username's failures (not the address's). */
  recordSuccess(username: string): Promise<void>;
}

const usernameKey = (username: string): string => `auth:login-failures:username:${username}`;
const addressKey = (address: string): string => `auth:login-failures:address:${address}`;

export function createLoginRateLimiter(cache: MessageBus, options: LoginRateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT): LoginRateLimiter {
  const limits: [(value: string) => string, number, "username" | "address"][] = [
    [usernameKey, options.maxFailuresPerUsername, "username"],
    [addressKey, options.maxFailuresPerAddress, "address"],
  ];
  const active = limits.filter(([, max]) => max > 0);

  async function retryAfter(key: string, max: number): Promise<number | undefined> {
    const failures = Number((await cache.get(key)) ?? 0);
    if (failures < max) return undefined;
    const remainingMs = (await cache.timeToLive(key)) ?? options.windowSeconds * 1000;
    return Math.max(1, Math.ceil(remainingMs / 1000));
  }

  return {
    async check(username, address) {
      const values = { username, address };
      const waits = await Promise.all(active.map(([key, max, kind]) => retryAfter(key(values[kind]), max)));
      const longest = Math.max(0, ...waits.map((wait) => wait ?? 0));
      return longest > 0 ? { allowed: false, retryAfterSeconds: longest } : { allowed: true };
    },
    async recordFailure(username, address) {
      const values = { username, address };
      await Promise.all(active.map(([key, , kind]) => cache.increment(key(values[kind]), { ttlSeconds: options.windowSeconds })));
    },
    async recordSuccess(username) {
      await cache.delete(usernameKey(username));
    },
  };
}
