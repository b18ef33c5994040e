// Every setting of the server, read once at start from the environment and secret files.
// Names are the upstream ones wherever upstream has a setting for the same thing.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Component } from "./http/types.js";

export interface DatabaseConfig {
  /** "embedded" unless DATABASE_HOST is set. */
  kind: "embedded" | "external";
  host: string;
  port: number;
  name: string;
  user: string;
  password: string;
  poolMax: number;
  /** Folder of the embedded database (under the data folder). */
  embeddedDir: string;
}

export interface RedisConfig {
  host: string;
  port: number;
}

export interface Config {
  development: boolean;
  /** Folder for everything the server keeps locally: embedded database, generated keys, certificates. */
  dataDir: string;
  /** Main port serving every route (upstream proxy port). */
  port: number;
  host: string;
  /** Extra per-component ports (upstream service ports), opened when OPENSLIDES_COMPONENT_PORTS is set. */
  componentPorts: Partial<Record<Component, number>>;
  tls?: { certFile: string; keyFile: string };
  database: DatabaseConfig;
  /** Redis for sessions/cache (CACHE_HOST) and for the message bus (MESSAGE_BUS_HOST); absent = in-process. */
  cache?: RedisConfig;
  messageBus?: RedisConfig;
  authTokenKey: string;
  authCookieKey: string;
  internalAuthPassword: string;
  /** Superadmin password from SUPERADMIN_PASSWORD_FILE, if given. */
  superadminPassword?: string;
  maxBodyBytes: number;
  actionMaxRetries: number;
  actionRetryTimeoutMs: number;
  threadWatchTimeoutSeconds: number;
  logLevel: string;
}

export const DEVELOPMENT_SECRETS = {
  authTokenKey: "auth-dev-token-key",
  authCookieKey: "auth-dev-cookie-key",
  internalAuthPassword: "openslides",
  databasePassword: "openslides",
} as const;

export const DEFAULT_COMPONENT_PORTS: Record<Exclude<Component, "client">, number> = {
  action: 9002,
  presenter: 9003,
  auth: 9004,
  media: 9006,
  icc: 9007,
  autoupdate: 9012,
  vote: 9013,
  search: 9050,
  projector: 9051,
};

export class ConfigError extends Error {}

export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ["1", "true", "yes", "on"].includes(value.trim().toLowerCase());
}

export function readSecretFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  return readFileSync(path, "utf8");
}

// NOTE: loadConfig is completed by the config/HTTP work (see ARCHITECTURE.md); the shape above is the contract.
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const development = isTruthy(env.OPENSLIDES_DEVELOPMENT);
  const dataDir = resolve(env.OPENSLIDES_DATA_DIR ?? ".openslides");
  const external = Boolean(env.DATABASE_HOST);
  return {
    development,
    dataDir,
    port: Number(env.OPENSLIDES_PORT ?? 8000),
    host: env.OPENSLIDES_HOST ?? "0.0.0.0",
    componentPorts: {},
    database: {
      kind: external ? "external" : "embedded",
      host: env.DATABASE_HOST ?? "localhost",
      port: Number(env.DATABASE_PORT ?? 5432),
      name: env.DATABASE_NAME ?? "openslides",
      user: env.DATABASE_USER ?? "openslides",
      password: env.PGPASSWORD ?? DEVELOPMENT_SECRETS.databasePassword,
      poolMax: Number(env.DB_POOL_MAX_SIZE ?? 10),
      embeddedDir: join(dataDir, "postgres"),
    },
    authTokenKey: DEVELOPMENT_SECRETS.authTokenKey,
    authCookieKey: DEVELOPMENT_SECRETS.authCookieKey,
    internalAuthPassword: DEVELOPMENT_SECRETS.internalAuthPassword,
    maxBodyBytes: 10 * 1024 * 1024,
    actionMaxRetries: Number(env.ACTION_MAX_RETRIES ?? 3),
    actionRetryTimeoutMs: Number(env.ACTION_RETRY_TIMEOUT ?? 0.4) * 1000,
    threadWatchTimeoutSeconds: Number(env.OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT ?? 1),
    logLevel: env.OPENSLIDES_LOGLEVEL ?? (development ? "debug" : "info"),
  };
}
