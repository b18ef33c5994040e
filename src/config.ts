// Every setting of the server, read once at start from the environment and secret files.
// Names are the upstream ones wherever upstream has a setting for the same thing.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Component } from "./http/types.js";
import type { RequestLogMode } from "./http/server.js";
import { DEFAULT_LOGIN_RATE_LIMIT, type LoginRateLimitOptions } from "./auth/login-rate-limit.js";
import { parseTrustedProxies } from "./http/client-address.js";
import { makeDevelopmentCertificate } from "./http/development-certificate.js";
import { acmeFiles, type AcmeConfig } from "./http/acme/acme-config.js";
import { parseCorsOrigins, parseSameSite, type BrowserAccess } from "./auth/http/browser-access.js";

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
  /** Address of the component ports (OPENSLIDES_COMPONENT_HOST): loopback unless configured, as they serve internal routes without the password. */
  componentHost: string;
  tls?: { certFile: string; keyFile: string };
  /** Certificates over ACME for a public domain (OPENSLIDES_ACME_DOMAIN); `tls` then names its files. */
  acme?: AcmeConfig;
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
  /** Listen backlog, header and whole-request timeouts of every listener (see src/http/server.ts). */
  listen: ListenConfig;
  /** argon2 computations at once (src/auth/passwords.ts); undefined: one per core, below the thread pool size. */
  passwordHashConcurrency?: number;
  /** A production build of the official client (its dist/client/browser folder), served at `/`. */
  clientDir?: string;
  actionMaxRetries: number;
  actionRetryTimeoutMs: number;
  threadWatchTimeoutSeconds: number;
  logLevel: string;
  requestLog: RequestLogMode;
  /** Outgoing mail (user.send_invitation_email, user.forget_password), upstream's EMAIL_* settings. */
  email: EmailConfig;
  /** OPENSLIDES_CORS_ORIGINS and OPENSLIDES_COOKIE_SAMESITE: which other origins may call the auth service with credentials. */
  browserAccess: BrowserAccess;
  loginRateLimit: LoginRateLimitOptions;
}

/** Where `npm run client` installs the client build, and where the server looks for it. */
export function installedClientDir(dataDir: string): string {
  return join(dataDir, "client");
}

export interface ListenConfig {
  backlog: number;
  headersTimeoutMs: number;
  /** OPENSLIDES_TRUSTED_PROXIES: reverse proxies whose X-Forwarded-For names the client (src/http/client-address.ts). */
  trustedProxies: string[];
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export type EmailConnectionSecurity = "NONE" | "STARTTLS" | "SSL/TLS";

export interface EmailConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  connectionSecurity: EmailConnectionSecurity;
  timeoutSeconds: number;
  acceptSelfSignedCertificate: boolean;
  defaultFromEmail: string;
}

/**
 * Upstream's EmailSettings: EMAIL_HOST (localhost), EMAIL_PORT (465), EMAIL_HOST_USER,
 * EMAIL_HOST_PASSWORD or EMAIL_HOST_PASSWORD_FILE, EMAIL_CONNECTION_SECURITY (SSL/TLS), EMAIL_TIMEOUT
 * (5 s), EMAIL_ACCEPT_SELF_SIGNED_CERTIFICATE (false), DEFAULT_FROM_EMAIL (noreply@example.com).
 */
export function emailConfigFrom(env: NodeJS.ProcessEnv): EmailConfig {
  const security = (env.EMAIL_CONNECTION_SECURITY ?? "SSL/TLS").trim().toUpperCase();
  const connectionSecurity = security === "TLS" || security === "SSL" ? "SSL/TLS" : security;
  if (connectionSecurity !== "NONE" && connectionSecurity !== "STARTTLS" && connectionSecurity !== "SSL/TLS") {
    throw new ConfigError('Email-configuration: Choose one of "NONE", "STARTTLS" or "SSL/TLS" for EMAIL_CONNECTION_SECURITY environment variable');
  }
  return {
    host: env.EMAIL_HOST ?? "localhost",
    port: parsePort("EMAIL_PORT", env.EMAIL_PORT, 465),
    user: env.EMAIL_HOST_USER ?? "",
    password: secretFromFile(env, "EMAIL_HOST_PASSWORD_FILE", true) ?? env.EMAIL_HOST_PASSWORD ?? "",
    connectionSecurity,
    timeoutSeconds: parseNumber("EMAIL_TIMEOUT", env.EMAIL_TIMEOUT, 5),
    acceptSelfSignedCertificate: isTruthy(env.EMAIL_ACCEPT_SELF_SIGNED_CERTIFICATE),
    defaultFromEmail: env.DEFAULT_FROM_EMAIL ?? "noreply@example.com",
  };
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

function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name} must be a port number (0-65535), got "${value}"`);
  return port;
}

function parseNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new ConfigError(`${name} must be a number, got "${value}"`);
  return number;
}

function parsePositiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new ConfigError(`${name} must be a whole number of at least 1, got "${value}"`);
  return number;
}

/** A secret from the file named by `variable`; undefined when the variable is not set. */
function secretFromFile(env: NodeJS.ProcessEnv, variable: string, trim = false): string | undefined {
  const path = env[variable];
  if (!path) return undefined;
  let content: string | undefined;
  try {
    content = readSecretFile(path);
  } catch (error) {
    throw new ConfigError(`${variable}: cannot read ${path}: ${(error as Error).message}`);
  }
  if (content === undefined) throw new ConfigError(`${variable}: the file ${path} does not exist`);
  const value = trim ? content.trim() : content;
  if (value === "") throw new ConfigError(`${variable}: the file ${path} is empty`);
  return value;
}

/**
 * Secrets the server makes itself when none are configured (production without secret files):
 * random, created once and kept in the data folder, so restarts keep sessions valid.
 */
function generatedSecret(dataDir: string, name: string): string {
  const path = join(dataDir, "secrets", name);
  const existing = readSecretFile(path);
  if (existing) return existing;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString("base64url");
  writeFileSync(path, value, { mode: 0o600 });
  return value;
}

function redisFrom(env: NodeJS.ProcessEnv, prefix: "CACHE" | "MESSAGE_BUS"): RedisConfig | undefined {
  const host = env[`${prefix}_HOST`];
  if (!host) return undefined;
  return { host, port: parsePort(`${prefix}_PORT`, env[`${prefix}_PORT`], 6379) };
}

const COMPONENT_PORT_VARIABLES: Record<keyof typeof DEFAULT_COMPONENT_PORTS, string> = {
  action: "ACTION_PORT",
  presenter: "PRESENTER_PORT",
  auth: "AUTH_PORT",
  media: "MEDIA_PORT",
  icc: "ICC_PORT",
  autoupdate: "AUTOUPDATE_PORT",
  vote: "VOTE_PORT",
  search: "SEARCH_PORT",
  projector: "PROJECTOR_PORT",
};

/** OPENSLIDES_COMPONENT_PORTS=all or a comma list (auth,icc,...); <NAME>_PORT overrides the number. */
function componentPorts(env: NodeJS.ProcessEnv): Partial<Record<Component, number>> {
  const wanted = (env.OPENSLIDES_COMPONENT_PORTS ?? "").split(",").map((part) => part.trim().toLowerCase()).filter(Boolean);
  const all = wanted.includes("all");
  const ports: Partial<Record<Component, number>> = {};
  for (const [component, fallback] of Object.entries(DEFAULT_COMPONENT_PORTS) as [keyof typeof DEFAULT_COMPONENT_PORTS, number][]) {
    if (!all && !wanted.includes(component)) continue;
    const variable = COMPONENT_PORT_VARIABLES[component];
    ports[component] = parsePort(variable, env[variable], fallback);
  }
  for (const name of wanted) {
    if (name !== "all" && !(name in DEFAULT_COMPONENT_PORTS)) throw new ConfigError(`OPENSLIDES_COMPONENT_PORTS: unknown component "${name}"`);
  }
  return ports;
}

export const LETS_ENCRYPT_DIRECTORY = "https://acme-v02.api.letsencrypt.org/directory";
const HOST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const isHostName = (name: string) => HOST_NAME.test(name) && name.split(".").every((label) => !label.startsWith("-") && !label.endsWith("-"));

function acmeFrom(env: NodeJS.ProcessEnv): AcmeConfig | undefined {
  const domain = env.OPENSLIDES_ACME_DOMAIN?.trim();
  if (!domain) return undefined;
  if (domain.length > 253 || !isHostName(domain)) throw new ConfigError(`OPENSLIDES_ACME_DOMAIN: "${domain}" is not a public domain name (like meeting.example.org)`);
  const email = env.OPENSLIDES_ACME_EMAIL?.trim() || undefined;
  if (email !== undefined && (!email.includes("@") || /\s/.test(email))) throw new ConfigError(`OPENSLIDES_ACME_EMAIL: "${email}" is not an e-mail address`);
  return {
    domain,
    email,
    directoryUrl: env.OPENSLIDES_ACME_DIRECTORY?.trim() || LETS_ENCRYPT_DIRECTORY,
    httpPort: parsePort("OPENSLIDES_ACME_HTTP_PORT", env.OPENSLIDES_ACME_HTTP_PORT, 80),
    renewBeforeDays: parseNumber("OPENSLIDES_ACME_RENEW_DAYS", env.OPENSLIDES_ACME_RENEW_DAYS, 30),
    checkIntervalMs: parseNumber("OPENSLIDES_ACME_CHECK_SECONDS", env.OPENSLIDES_ACME_CHECK_SECONDS, 12 * 60 * 60) * 1000,
  };
}

function tlsFrom(env: NodeJS.ProcessEnv, dataDir: string, acme: AcmeConfig | undefined): Config["tls"] {
  if (acme) return acmeFiles(dataDir, acme.domain);
  if (env.OPENSLIDES_TLS_CERT_FILE || env.OPENSLIDES_TLS_KEY_FILE) {
    const certFile = env.OPENSLIDES_TLS_CERT_FILE;
    const keyFile = env.OPENSLIDES_TLS_KEY_FILE;
    if (!certFile || !keyFile) throw new ConfigError("OPENSLIDES_TLS_CERT_FILE and OPENSLIDES_TLS_KEY_FILE must be set together");
    for (const [variable, path] of [["OPENSLIDES_TLS_CERT_FILE", certFile], ["OPENSLIDES_TLS_KEY_FILE", keyFile]]) {
      if (!existsSync(path!)) throw new ConfigError(`${variable}: the file ${path} does not exist`);
    }
    return { certFile, keyFile };
  }
  if (isTruthy(env.OPENSLIDES_TLS)) {
    const certFile = join(dataDir, "tls", "cert.pem");
    const keyFile = join(dataDir, "tls", "key.pem");
    if (!existsSync(certFile) || !existsSync(keyFile)) {
      try {
        return makeDevelopmentCertificate(dataDir);
      } catch (error) {
        throw new ConfigError(`OPENSLIDES_TLS: could not create a development certificate in ${dirname(certFile)} (is openssl installed?): ${(error as Error).message}`);
      }
    }
    return { certFile, keyFile };
  }
  return undefined;
}

/** OPENSLIDES_CLIENT_DIR, else the build `npm run client` installed into `<data dir>/client`, if any. */
function clientDirFrom(env: NodeJS.ProcessEnv, dataDir: string): string | undefined {
  if (!env.OPENSLIDES_CLIENT_DIR) {
    const installed = installedClientDir(dataDir);
    return existsSync(join(installed, "index.html")) ? installed : undefined;
  }
  const dir = resolve(env.OPENSLIDES_CLIENT_DIR);
  if (!existsSync(join(dir, "index.html"))) {
    throw new ConfigError(`OPENSLIDES_CLIENT_DIR: ${dir} has no index.html (give the client build's dist/client/browser folder)`);
  }
  return dir;
}

function parseRequestLog(value: string | undefined): RequestLogMode {
  const mode = (value ?? "off").trim().toLowerCase() || "off";
  if (mode === "off" || mode === "errors" || mode === "all") return mode;
  throw new ConfigError(`OPENSLIDES_LOG_REQUESTS must be off, errors or all, not ${JSON.stringify(value)}`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const development = isTruthy(env.OPENSLIDES_DEVELOPMENT);
  const dataDir = resolve(env.OPENSLIDES_DATA_DIR ?? ".openslides");
  const external = Boolean(env.DATABASE_HOST);
  const acme = acmeFrom(env);
  const secret = (variable: string, developmentValue: string, generatedName: string) =>
    secretFromFile(env, variable) ?? (development ? developmentValue : generatedSecret(dataDir, generatedName));
  const databasePassword =
    secretFromFile(env, "DATABASE_PASSWORD_FILE", true) ?? env.PGPASSWORD ?? DEVELOPMENT_SECRETS.databasePassword;
  return {
    development,
    dataDir,
    port: parsePort("OPENSLIDES_PORT", env.OPENSLIDES_PORT, 8000),
    host: env.OPENSLIDES_HOST ?? "0.0.0.0",
    componentPorts: componentPorts(env),
    componentHost: env.OPENSLIDES_COMPONENT_HOST || "127.0.0.1",
    browserAccess: { corsOrigins: parseCorsOrigins(env.OPENSLIDES_CORS_ORIGINS), cookieSameSite: parseSameSite(env.OPENSLIDES_COOKIE_SAMESITE) },
    tls: tlsFrom(env, dataDir, acme),
    acme,
    database: {
      kind: external ? "external" : "embedded",
      host: env.DATABASE_HOST ?? "localhost",
      port: parsePort("DATABASE_PORT", env.DATABASE_PORT, 5432),
      name: env.DATABASE_NAME ?? "openslides",
      user: env.DATABASE_USER ?? "openslides",
      password: databasePassword,
      poolMax: parseNumber("DB_POOL_MAX_SIZE", env.DB_POOL_MAX_SIZE, 10),
      embeddedDir: join(dataDir, "postgres"),
    },
    cache: redisFrom(env, "CACHE"),
    messageBus: redisFrom(env, "MESSAGE_BUS"),
    authTokenKey: secret("AUTH_TOKEN_KEY_FILE", DEVELOPMENT_SECRETS.authTokenKey, "auth_token_key"),
    authCookieKey: secret("AUTH_COOKIE_KEY_FILE", DEVELOPMENT_SECRETS.authCookieKey, "auth_cookie_key"),
    // Upstream's backend and auth service ignore the file in development mode; so do we.
    internalAuthPassword: development
      ? DEVELOPMENT_SECRETS.internalAuthPassword
      : secret("INTERNAL_AUTH_PASSWORD_FILE", DEVELOPMENT_SECRETS.internalAuthPassword, "internal_auth_password"),
    superadminPassword: secretFromFile(env, "SUPERADMIN_PASSWORD_FILE", true),
    maxBodyBytes: parseNumber("OPENSLIDES_MAX_BODY_BYTES", env.OPENSLIDES_MAX_BODY_BYTES, 100 * 1024 * 1024),
    passwordHashConcurrency: env.OPENSLIDES_PASSWORD_HASH_CONCURRENCY ? parsePositiveInteger("OPENSLIDES_PASSWORD_HASH_CONCURRENCY", env.OPENSLIDES_PASSWORD_HASH_CONCURRENCY) : undefined,
    listen: {
      backlog: parseNumber("OPENSLIDES_LISTEN_BACKLOG", env.OPENSLIDES_LISTEN_BACKLOG, 4096),
      headersTimeoutMs: parseNumber("OPENSLIDES_HEADERS_TIMEOUT", env.OPENSLIDES_HEADERS_TIMEOUT, 60) * 1000,
      requestTimeoutMs: parseNumber("OPENSLIDES_REQUEST_TIMEOUT", env.OPENSLIDES_REQUEST_TIMEOUT, 300) * 1000,
      keepAliveTimeoutMs: parseNumber("OPENSLIDES_KEEP_ALIVE_TIMEOUT", env.OPENSLIDES_KEEP_ALIVE_TIMEOUT, 65) * 1000,
      trustedProxies: trustedProxiesFrom(env),
    },
    clientDir: clientDirFrom(env, dataDir),
    actionMaxRetries: parseNumber("ACTION_MAX_RETRIES", env.ACTION_MAX_RETRIES, 3),
    actionRetryTimeoutMs: parseNumber("ACTION_RETRY_TIMEOUT", env.ACTION_RETRY_TIMEOUT, 0.4) * 1000,
    threadWatchTimeoutSeconds: parseNumber("OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT", env.OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT, 1),
    logLevel: env.OPENSLIDES_LOGLEVEL ?? (development ? "debug" : "info"),
    requestLog: parseRequestLog(env.OPENSLIDES_LOG_REQUESTS),
    email: emailConfigFrom(env),
    loginRateLimit: loginRateLimitFrom(env),
  };
}

function trustedProxiesFrom(env: NodeJS.ProcessEnv): string[] {
  try {
    return parseTrustedProxies(env.OPENSLIDES_TRUSTED_PROXIES);
  } catch (error) {
    throw new ConfigError(`OPENSLIDES_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
}

/** OPENSLIDES_LOGIN_* (docs/security.md); whole non-negative numbers, 0 disables a limit. */
function loginRateLimitFrom(env: NodeJS.ProcessEnv): LoginRateLimitOptions {
  const count = (name: string, fallback: number) => {
    const value = parseNumber(name, env[name], fallback);
    if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number of 0 or more, got "${env[name]}"`);
    return value;
  };
  const defaults = DEFAULT_LOGIN_RATE_LIMIT;
  return {
    freeFailuresPerPair: count("OPENSLIDES_LOGIN_FREE_FAILURES", defaults.freeFailuresPerPair),
    maxDelaySeconds: Math.max(1, count("OPENSLIDES_LOGIN_MAX_DELAY", defaults.maxDelaySeconds)),
    pairMemorySeconds: Math.max(1, count("OPENSLIDES_LOGIN_FAILURE_MEMORY", defaults.pairMemorySeconds)),
    maxFailuresPerAddress: count("OPENSLIDES_LOGIN_MAX_FAILURES_PER_ADDRESS", defaults.maxFailuresPerAddress),
    addressWindowSeconds: Math.max(1, count("OPENSLIDES_LOGIN_ADDRESS_WINDOW", defaults.addressWindowSeconds)),
  };
}
