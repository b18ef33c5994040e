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
//
// "May this attempt proceed?" and "count it" are one atomic step (a Lua script in Redis, one
// synchronous function in memory): an attempt reserves its slot before the password is checked
// and counts as a failure until it succeeds. Otherwise many simultaneous guesses would all pass
// the check before the first failure was recorded. An attempt beyond the free ones blocks its
// pair while its password is checked; its delay starts when it has failed.
import { createHash } from "node:crypto";
import type { AtomicScript, AtomicStrings, MessageBus } from "../bus/bus.js";

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

export type LoginPermission =
  | { allowed: true; attempt: LoginAttempt }
  /** `behindRunningAttempt`: only an attempt of the same pair whose password is being checked holds this one up (no failure, no address limit). */
  | { allowed: false; retryAfterSeconds: number; behindRunningAttempt: boolean };

/** A reserved attempt: report how it ended. */
export interface LoginAttempt {
  /** Wrong username or password: the pair's delay (if this attempt started one) runs from now. */
  failed(): Promise<void>;
  /** Logged in: the pair's failures are forgotten, the address gets its slot back. */
  succeeded(): Promise<void>;
}

export interface LoginRateLimiter {
  /**
   * Refuses when the pair or the address has to wait; otherwise counts the attempt as a failure
   * of the pair and of the address, in the same atomic step, and lets it proceed.
   */
  reserve(username: string, address: string): Promise<LoginPermission>;
}

/** How long a pair stays blocked by an attempt whose end is never reported (a process that died meanwhile). */
const UNREPORTED_ATTEMPT_MS = 120_000;

/** Usernames can be long and contain anything: the keys hold a digest of the pair. */
function pairId(username: string, address: string): string {
  return createHash("sha256").update(username).update("\0").update(address).digest("base64url");
}

/** KEYS of the scripts: the pair's failure count, the pair's delay marker, the address's count. */
function keysOf(username: string, address: string): string[] {
  const pair = pairId(username, address);
  return [`auth:login-failures:pair:${pair}`, `auth:login-delay:pair:${pair}`, `auth:login-failures:address:${address}`];
}

/** The delay after the n-th failure of a pair: none for the free ones, then doubling up to the cap. */
export function delayAfterFailure(failures: number, options: LoginRateLimitOptions): number {
  const beyond = failures - options.freeFailuresPerPair;
  if (beyond <= 0) return 0;
  return Math.min(options.maxDelaySeconds, 2 ** Math.min(beyond - 1, 30));
}

// ARGV of the reservation, in this order.
function reserveArguments(options: LoginRateLimitOptions): number[] {
  return [
    options.freeFailuresPerPair,
    options.maxDelaySeconds,
    options.pairMemorySeconds * 1000,
    options.maxFailuresPerAddress,
    options.addressWindowSeconds * 1000,
    UNREPORTED_ATTEMPT_MS,
  ];
}

// The delay marker holds "<attempt number>:<delay ms>", with ":r" while that attempt runs. While
// it runs, the marker lives UNREPORTED_ATTEMPT_MS longer than the delay; when it fails, the ":r"
// goes and the marker expires after the delay. Retry-After is the smaller of the marker's time to
// live and the delay.

/** Added to a refusal's wait when only a running attempt of the pair holds it up. */
const BEHIND_RUNNING = 2 ** 40;

/**
 * Refused: the milliseconds to wait (> 0), plus BEHIND_RUNNING when only a running attempt of the
 * pair holds it up. Allowed: 0 or less, minus the attempt's number within its pair (0 when the
 * pair limit is off).
 */
const RESERVE_ATTEMPT: AtomicScript = {
  name: "openslides_login_reserve",
  lua: `
local free, maxDelay, pairMemoryMs, maxPerAddress, windowMs, unreportedMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local wait = 0
local running = false
if free > 0 then
  local marker = redis.call('GET', KEYS[2])
  if marker then
    local _, delayMs, state = string.match(marker, '^(%d+):(%d+)(:?r?)$')
    wait = math.min(redis.call('PTTL', KEYS[2]), tonumber(delayMs or '1000'))
    if wait < 1 then wait = 1 end
    running = state == ':r'
  end
end
if maxPerAddress > 0 and tonumber(redis.call('GET', KEYS[3]) or '0') >= maxPerAddress then
  local left = redis.call('PTTL', KEYS[3])
  if left < 1 then left = 1000 end
  if left > wait then wait = left end
  running = false
end
if wait > 0 then
  if running then return wait + ${BEHIND_RUNNING} end
  return wait
end
if maxPerAddress > 0 then
  if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('INCR', KEYS[3]) else redis.call('SET', KEYS[3], '1', 'PX', windowMs) end
end
if free == 0 then return 0 end
local failures = tonumber(redis.call('GET', KEYS[1]) or '0') + 1
redis.call('SET', KEYS[1], tostring(failures), 'PX', pairMemoryMs)
local beyond = failures - free
if beyond > 0 and maxDelay > 0 then
  local delayMs = math.floor(math.min(maxDelay, 2 ^ math.min(beyond - 1, 30)) * 1000)
  redis.call('SET', KEYS[2], failures .. ':' .. delayMs .. ':r', 'PX', delayMs + unreportedMs)
end
return -failures
`,
  local(strings, keys, args) {
    const [pairFailures, pairDelay, addressCount] = keys as [string, string, string];
    const [free, maxDelay, pairMemoryMs, maxPerAddress, windowMs, unreportedMs] = args as [number, number, number, number, number, number];
    let wait = 0;
    const marker = free > 0 ? parseMarker(strings.get(pairDelay)) : undefined;
    if (marker) wait = Math.max(1, Math.min(strings.ttlMs(pairDelay), marker.delayMs));
    let running = marker?.running ?? false;
    const addressFailures = Number(strings.get(addressCount) ?? 0);
    if (maxPerAddress > 0 && addressFailures >= maxPerAddress) {
      const left = strings.ttlMs(addressCount);
      wait = Math.max(wait, left < 1 ? 1000 : left);
      running = false;
    }
    if (wait > 0) return running ? wait + BEHIND_RUNNING : wait;
    if (maxPerAddress > 0) setKeepingExpiry(strings, addressCount, addressFailures + 1, windowMs);
    if (free === 0) return 0;
    const failures = Number(strings.get(pairFailures) ?? 0) + 1;
    strings.set(pairFailures, String(failures), pairMemoryMs);
    const delayMs = 1000 * delayAfterFailure(failures, { ...DEFAULT_LOGIN_RATE_LIMIT, freeFailuresPerPair: free, maxDelaySeconds: maxDelay });
    if (delayMs > 0) strings.set(pairDelay, `${failures}:${delayMs}:r`, delayMs + unreportedMs);
    return -failures;
  },
};

/** ARGV[1]: the failed attempt's number. Starts its delay, if it set the marker. */
const ATTEMPT_FAILED: AtomicScript = {
  name: "openslides_login_failed",
  lua: `
local marker = redis.call('GET', KEYS[2])
if not marker then return 0 end
local attempt, delayMs = string.match(marker, '^(%d+):(%d+)')
if attempt and tonumber(attempt) == tonumber(ARGV[1]) then redis.call('SET', KEYS[2], attempt .. ':' .. delayMs, 'PX', delayMs) end
return 0
`,
  local(strings, keys, args) {
    const pairDelay = keys[1]!;
    const marker = parseMarker(strings.get(pairDelay));
    if (marker && marker.attempt === args[0]) strings.set(pairDelay, `${marker.attempt}:${marker.delayMs}`, marker.delayMs);
    return 0;
  },
};

const ATTEMPT_SUCCEEDED: AtomicScript = {
  name: "openslides_login_succeeded",
  lua: `
redis.call('DEL', KEYS[1], KEYS[2])
local count = tonumber(redis.call('GET', KEYS[3]) or '0')
if count > 0 then redis.call('DECR', KEYS[3]) end
return 0
`,
  local(strings, keys) {
    const [pairFailures, pairDelay, addressCount] = keys as [string, string, string];
    strings.delete(pairFailures);
    strings.delete(pairDelay);
    const count = Number(strings.get(addressCount) ?? 0);
    if (count > 0) setKeepingExpiry(strings, addressCount, count - 1, 0);
    return 0;
  },
};

function parseMarker(text: string | undefined): { attempt: number; delayMs: number; running: boolean } | undefined {
  const parts = text?.split(":");
  if (!parts || parts.length < 2 || parts.length > 3) return undefined;
  return { attempt: Number(parts[0]), delayMs: Number(parts[1]), running: parts[2] === "r" };
}

/** As Redis' INCR/DECR: an existing counter keeps its expiry; a new one expires after `newTtlMs`. */
function setKeepingExpiry(strings: AtomicStrings, key: string, value: number, newTtlMs: number): void {
  const left = strings.ttlMs(key);
  if (left === -2) strings.set(key, String(value), newTtlMs);
  else strings.set(key, String(value), left > 0 ? left : undefined);
}

export function createLoginRateLimiter(cache: MessageBus, options: LoginRateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT): LoginRateLimiter {
  return {
    async reserve(username, address) {
      const keys = keysOf(username, address);
      const result = await cache.runScript(RESERVE_ATTEMPT, keys, reserveArguments(options));
      if (result > 0) {
        const behindRunningAttempt = result >= BEHIND_RUNNING;
        const waitMs = behindRunningAttempt ? result - BEHIND_RUNNING : result;
        return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000), behindRunningAttempt };
      }
      const number = -result;
      return {
        allowed: true,
        attempt: {
          failed: async () => {
            if (number > 0) await cache.runScript(ATTEMPT_FAILED, keys, [number]);
          },
          succeeded: async () => {
            await cache.runScript(ATTEMPT_SUCCEEDED, keys, []);
          },
        },
      };
    },
  };
}
