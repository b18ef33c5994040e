// The autoupdate service's own settings, with upstream's names and defaults (spec 8). Durations
// use Go's syntax ("5m", "1m30s", "500ms", "0"). Read once when the component is created; an
// invalid value stops the start like every other setting.
import { ConfigError, isTruthy } from "../config.js";

export interface AutoupdateSettings {
  /** OPENSLIDES_HEARTBEAT_INTERVAL: `{}` after this long without a line. */
  heartbeatMs: number;
  /** METRIC_SAVE_INTERVAL: how often this process stores its connection counts in Redis. */
  metricSaveIntervalMs: number;
  /** False with DISABLE_CONNECTION_COUNT or OPENSLIDES_PUBLIC_ACCESS_ONLY: local counts only. */
  shareConnectionCounts: boolean;
  /** False with AUTOUPDATE_WARM_UP=off: no warm-up computations after the state is loaded (warm-up.ts). */
  warmUp: boolean;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a Go duration such as "5m" or "1h2m3.5s"; undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  const value = text.trim();
  if (value === "0") return 0;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let index = 0;
  while (index < value.length) {
    part.lastIndex = index;
    const match = part.exec(value);
    if (!match) return undefined;
    total += Number(match[1]) * UNITS[match[2]!]!;
    index = part.lastIndex;
  }
  return index > 0 ? total : undefined;
}

function duration(env: NodeJS.ProcessEnv, name: string, fallback: string): number {
  const text = env[name] || fallback;
  const ms = parseGoDuration(text);
  if (ms === undefined) throw new ConfigError(`${name} must be a duration such as 5m or 30s, got "${text}"`);
  return ms;
}

export function readAutoupdateSettings(env: NodeJS.ProcessEnv = process.env): AutoupdateSettings {
  const heartbeatMs = duration(env, "OPENSLIDES_HEARTBEAT_INTERVAL", "5m");
  const metricSaveIntervalMs = duration(env, "METRIC_SAVE_INTERVAL", "5m");
  if (metricSaveIntervalMs <= 0) throw new ConfigError("METRIC_SAVE_INTERVAL must be longer than 0");
  return {
    heartbeatMs,
    metricSaveIntervalMs,
    shareConnectionCounts: !isTruthy(env.DISABLE_CONNECTION_COUNT) && !isTruthy(env.OPENSLIDES_PUBLIC_ACCESS_ONLY),
    warmUp: !["0", "false", "no", "off"].includes((env.AUTOUPDATE_WARM_UP ?? "").trim().toLowerCase()),
  };
}
