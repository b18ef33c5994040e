// Login throttling (beyond upstream, which has none), built so that it cannot be used to lock
// other people out:
// - Per username AND remote address: a few failures are free, then every further failure
//   makes that pair wait a growing delay (1 s, 2 s, 4 s, ... up to a cap) before the next
//   attempt. Failures from one address never slow the same username from another address,
//   and the wait is bounded, so nobody is locked out for long. The pair's count is forgotten
//   after a success or after a quiet period.
// - Per remote address: a fixed window with a limit sized for a venue of 1,000 delegates
//   behind one NAT address, which only a flood of failures reaches.
// The counters live on the cache bus (Redis when configured), so every process of a
// deployment shares them. A throttled attempt is refused before the password is checked, so
// it costs no argon2 work and says nothing about the password.
import { createHash } from "node:crypto";
import type { MessageBus } from "../bus/bus.js";

export interface LoginRateLimitOptions {
  /** Failures per username and address before delays start; 0 disables the pair limit. */
  freeFailuresPerPair: number;
  /** The longest delay between attempts of one pair. */
  maxDelaySeconds: number;
  /** A pair's failures are forgotten after this long without a failure. */
  pairMemorySeconds: number;
  /** Failed logins per remote address and window; 0 disables. */
  maxFailuresPerAddress: number;
  addressWindowSeconds: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = {
  freeFailuresPerPair: 5,
  maxDelaySeconds: 60,
  pairMemorySeconds: 900,
  maxFailuresPerAddress: 1000,
  addressWindowSeconds: 300,
};

export type LoginPermission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LoginRateLimiter {
  check(username: string, address: string): Promise<LoginPermission>;
  recordFailure(username: string, address: string): Promise<void>;
  /** A successful login forgets the pair's failures (not the address's). */
  recordSuccess(username: string, address: string): Promise<void>;
}

/** Usernames can be long and contain anything: the keys hold a digest of the pair. */
function pairId(username: string, address: string): string {
  return createHash("sha256").update(username).update("\0").update(address).digest("base64url");
}

const pairFailuresKey = (username: string, address: string): string => `auth:login-failures:pair:${pairId(username, address)}`;
const pairDelayKey = (username: string, address: string): string => `auth:login-delay:pair:${pairId(username, address)}`;
const addressKey = (address: string): string => `auth:login-failures:address:${address}`;

/** The delay after the n-th failure of a pair: none for the free ones, then doubling up to the cap. */
export function delayAfterFailure(failures: number, options: LoginRateLimitOptions): number {
  const beyond = failures - options.freeFailuresPerPair;
  if (beyond <= 0) return 0;
  return Math.min(options.maxDelaySeconds, 2 ** Math.min(beyond - 1, 30));
}

export function createLoginRateLimiter(cache: MessageBus, options: LoginRateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT): LoginRateLimiter {
  const pairLimited = options.freeFailuresPerPair > 0;
  const addressLimited = options.maxFailuresPerAddress > 0;

  async function secondsLeft(key: string): Promise<number> {
    const remainingMs = await cache.timeToLive(key);
    return remainingMs === undefined ? 0 : Math.max(1, Math.ceil(remainingMs / 1000));
  }

  async function pairWait(username: string, address: string): Promise<number> {
    if (!pairLimited) return 0;
    return (await cache.get(pairDelayKey(username, address))) === undefined ? 0 : secondsLeft(pairDelayKey(username, address));
  }

  async function addressWait(address: string): Promise<number> {
    if (!addressLimited) return 0;
    const failures = Number((await cache.get(addressKey(address))) ?? 0);
    return failures < options.maxFailuresPerAddress ? 0 : secondsLeft(addressKey(address));
  }

  return {
    async check(username, address) {
      const longest = Math.max(await pairWait(username, address), await addressWait(address));
      return longest > 0 ? { allowed: false, retryAfterSeconds: longest } : { allowed: true };
    },
    async recordFailure(username, address) {
      if (addressLimited) await cache.increment(addressKey(address), { ttlSeconds: options.addressWindowSeconds });
      if (!pairLimited) return;
      const failures = await cache.increment(pairFailuresKey(username, address), { ttlSeconds: options.pairMemorySeconds });
      await cache.expire(pairFailuresKey(username, address), options.pairMemorySeconds);
      const delay = delayAfterFailure(failures, options);
      if (delay > 0) await cache.set(pairDelayKey(username, address), String(failures), { ttlSeconds: delay });
    },
    async recordSuccess(username, address) {
      await cache.delete(pairFailuresKey(username, address), pairDelayKey(username, address));
    },
  };
}
