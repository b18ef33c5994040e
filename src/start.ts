// The server's start (the process entry is main.ts): configuration, database (schema and first
// data on first start), message bus, auth, every component's routes on the main port and on the
// requested component ports, and a graceful shutdown on SIGTERM / SIGINT.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppContext } from "./app.js";
import { createAuthContext } from "./auth/context.js";
import { setHashConcurrency } from "./auth/passwords.js";
import type { MessageBus } from "./bus/bus.js";
import { createBuses } from "./bus/create-bus.js";
import { MemoryBus } from "./bus/memory-bus.js";
import { collectRoutes } from "./components.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createDatabase } from "./db/database.js";
import { Listener } from "./http/server.js";
import type { Component, Route } from "./http/types.js";
import { createLogger, type Logger } from "./log.js";
import { prepareInitialData } from "./setup/first-start.js";

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { version: string };
    return pkg.version;
  } catch {
    return "unknown";
  }
}

function routesForPort(routes: Route[], component?: Component): Route[] {
  if (!component) return routes.filter((route) => !route.portOnly);
  return routes.filter((route) => route.component === component);
}

export interface RunningServer {
  app: AppContext;
  listeners: Map<Component | "main", Listener>;
  /** Every route: those of the main port and the ones served only on a component's own port (portOnly). */
  routes: Route[];
  stop(): Promise<void>;
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  if (config.passwordHashConcurrency) setHashConcurrency(config.passwordHashConcurrency);
  const db = await createDatabase(
    config,
    (error) => log.warn(`change feed: ${error instanceof Error ? error.message : String(error)}`),
    (message, error) => (error ? log.error(message, error) : log.warn(message)),
  );
  const buses = createBuses(config);
  const keptCache = restoreMemoryCache(buses.cache, config.dataDir, log);
  const auth = createAuthContext({
    keys: { tokenKey: config.authTokenKey, cookieKey: config.authCookieKey },
    cache: buses.cache,
    messageBus: buses.messageBus,
    loginRateLimit: config.loginRateLimit,
  });
  const app: AppContext = { config, db, buses, auth, log, version: readVersion(), shutdownHooks: [] };
  try {
    await prepareInitialData(config, db, log);
    await auth.revocations.ready;
  } catch (error) {
    auth.close();
    await buses.close();
    await db.close();
    throw error;
  }
  // The ACME client (and its JOSE library) is loaded only when certificates come from ACME.
  const certificates = config.acme
    ? new (await import("./http/acme/certificate-manager.js")).CertificateManager(config.acme, config.dataDir, log, () => {
        for (const listener of listeners.values()) listener.reloadCertificate();
      })
    : undefined;
  const routes = collectRoutes(app);
  const listeners = new Map<Component | "main", Listener>();
  const common = { host: config.host, maxBodyBytes: config.maxBodyBytes, ...config.listen, log, tls: config.tls, requestLog: config.requestLog };
  listeners.set("main", new Listener({ ...common, port: config.port, routes: routesForPort(routes), internalPassword: config.internalAuthPassword }));
  for (const [component, port] of Object.entries(config.componentPorts) as [Component, number][]) {
    listeners.set(component, new Listener({ ...common, host: config.componentHost, port, component, routes: routesForPort(routes, component) }));
  }
  await certificates?.start();
  for (const listener of listeners.values()) await listener.start();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await certificates?.stop();
      await Promise.all([...listeners.values()].map((listener) => listener.stop()));
      for (const hook of app.shutdownHooks) await hook();
      auth.close();
      keptCache.save();
      await buses.close();
      await db.close();
    })());
  return { app, listeners, routes, stop };
}

/**
 * Without Redis the cache (sessions, used tokens) lives in the process: it is kept in the data
 * folder over a graceful restart, so browsers stay logged in. The file is removed once read, so
 * a crash never brings back sessions that were ended meanwhile.
 */
function restoreMemoryCache(cache: MessageBus, dataDir: string, log: Logger): { save(): void } {
  if (!(cache instanceof MemoryBus)) return { save: () => undefined };
  const file = join(dataDir, "cache.json");
  try {
    if (existsSync(file)) {
      const restored = cache.importKeys(readFileSync(file, "utf8"));
      log.info(`cache: ${restored} keys kept from the last run`);
    }
  } catch (error) {
    log.error("cache: the kept keys could not be read", error);
  }
  rmSync(file, { force: true });
  return {
    save: () => {
      try {
        mkdirSync(dataDir, { recursive: true });
        writeFileSync(file, cache.exportKeys(), { mode: 0o600 });
      } catch (error) {
        log.error("cache: the keys could not be kept", error);
      }
    },
  };
}

/** Starts the server as configured by the environment; exits the process on a configuration error. */
export async function main(): Promise<RunningServer> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`openslides-ts: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  const scheme = config.tls ? "https" : "http";
  const ports = Object.fromEntries([...server.listeners].map(([name, listener]) => [name, listener.port]));
  const { main: mainPort, ...componentPorts } = ports;
  log.info(`openslides-ts ${server.app.version} serving ${scheme}://localhost:${mainPort} (database: ${config.database.kind})`);
  process.stdout.write(`openslides-ts listening ${JSON.stringify({ port: mainPort, componentPorts, scheme })}\n`);
  const shutdown = (signal: string) => {
    log.info(`${signal} received, shutting down`);
    server.stop().then(
      () => process.exit(0),
      (error) => {
        log.error("shutdown failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  return server;
}

