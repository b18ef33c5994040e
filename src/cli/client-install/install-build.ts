// Putting a finished client build in place: `<data dir>/client`, where the server finds it.
// The new files are copied beside the old ones first and swapped in with renames, so that a
// failed copy never leaves a half-installed client.
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { installedClientDir } from "../../config.js";
import { InstallError } from "./errors.js";
import type { Progress } from "./progress.js";
import { descendSingleFolder, unpack } from "./source.js";

/** Where a build's files may sit inside what an operator hands over. */
const BUILD_LOCATIONS = ["", "browser", "client/browser", "dist/client/browser", "client/dist/client/browser"];

/** The folder with the build's index.html in `dir`. */
export function findBuild(dir: string): string | undefined {
  for (const location of BUILD_LOCATIONS) {
    const candidate = join(dir, location);
    if (existsSync(join(candidate, "index.html"))) return candidate;
  }
  return undefined;
}

/** `--from-build <folder|tgz>`: a build made elsewhere. Returns the folder holding its files. */
export async function openBuild(from: string, workDir: string, progress: Progress): Promise<string> {
  const path = resolve(from);
  if (!existsSync(path)) throw new InstallError(`--from-build ${from}: no such folder or file`);
  let build: string | undefined;
  if (statSync(path).isDirectory()) build = findBuild(path);
  else {
    const unpacked = mkdtempSync(join(workDir, "build-"));
    await unpack(path, unpacked, progress);
    build = findBuild(unpacked) ?? findBuild(descendSingleFolder(unpacked));
  }
  if (!build) {
    throw new InstallError(`--from-build ${from}: no client build found (looked for index.html in ${BUILD_LOCATIONS.map((l) => l || ".").join(", ")})`);
  }
  return build;
}

export interface InstalledFrom {
  source: string;
  release?: string;
  node?: string;
  fixes?: string[];
}

/** Copies the build into `<data dir>/client`, replacing an earlier one; returns that folder. */
export function installBuild(build: string, dataDir: string, from: InstalledFrom): string {
  const target = installedClientDir(dataDir);
  const incoming = `${target}.new`;
  const outgoing = `${target}.old`;
  rmSync(incoming, { recursive: true, force: true });
  rmSync(outgoing, { recursive: true, force: true });
  cpSync(build, incoming, { recursive: true });
  if (existsSync(target)) renameSync(target, outgoing);
  renameSync(incoming, target);
  rmSync(outgoing, { recursive: true, force: true });
  writeFileSync(join(dataDir, "client-installed.json"), `${JSON.stringify({ ...from, installedAt: new Date().toISOString() }, null, 2)}\n`);
  return target;
}
