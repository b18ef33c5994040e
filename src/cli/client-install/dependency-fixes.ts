// Fixes to the client's npm dependencies that its pinned versions need today:
// - known ones, applied before the install: packages dropped because the build does not need
//   them, and versions re-pinned because the registry no longer has them;
// - one found during the install: a pinned version the registry answers 404 for is re-pinned
//   to the nearest version the registry still has (same major first), and the install runs again.
// A re-pin edits package.json (direct dependency) or adds an npm override (transitive one) and
// drops the lock file's entries of that package, so that `npm install` resolves only those anew.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, string>;
  [key: string]: unknown;
}

interface LockFile {
  packages?: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
  [key: string]: unknown;
}

/** Editor tooling in the client's devDependencies that the build does not use and that fails to install. */
export const DROPPED_PACKAGES = ["@angular/language-server"];
/** Versions the client pinned that were removed from the registry, and their replacements. */
export const KNOWN_REPINS: Record<string, { from: string; to: string }> = {
  "@coreui/angular-chartjs": { from: "5.7.18", to: "5.7.30" },
};

export class DependencyFixes {
  private readonly packageFile: string;
  private readonly lockFile: string;
  readonly applied: string[] = [];

  constructor(readonly projectDir: string) {
    this.packageFile = join(projectDir, "package.json");
    this.lockFile = join(projectDir, "package-lock.json");
  }

  private readPackage(): PackageJson {
    return JSON.parse(readFileSync(this.packageFile, "utf8")) as PackageJson;
  }

  private readLock(): LockFile | undefined {
    return existsSync(this.lockFile) ? (JSON.parse(readFileSync(this.lockFile, "utf8")) as LockFile) : undefined;
  }

  private write(pkg: PackageJson, lock: LockFile | undefined): void {
    writeFileSync(this.packageFile, `${JSON.stringify(pkg, null, 2)}\n`);
    if (lock) writeFileSync(this.lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  }

  /** The known fixes; returns what was changed. */
  applyKnown(): string[] {
    const pkg = this.readPackage();
    const lock = this.readLock();
    for (const name of DROPPED_PACKAGES) {
      if (pkg.devDependencies?.[name] === undefined && pkg.dependencies?.[name] === undefined) continue;
      delete pkg.devDependencies?.[name];
      delete pkg.dependencies?.[name];
      dropLockEntries(lock, name);
      this.applied.push(`dropped ${name}`);
    }
    for (const [name, { from, to }] of Object.entries(KNOWN_REPINS)) {
      if (!specsOf(pkg, name).some((spec) => spec.replace(/^[~^=]/, "") === from) && lockedVersion(lock, name) !== from) continue;
      this.repinIn(pkg, lock, name, to);
    }
    this.write(pkg, lock);
    return [...this.applied];
  }

  /** Re-pins one package to `version`. */
  repin(name: string, version: string): void {
    const pkg = this.readPackage();
    const lock = this.readLock();
    this.repinIn(pkg, lock, name, version);
    this.write(pkg, lock);
  }

  private repinIn(pkg: PackageJson, lock: LockFile | undefined, name: string, version: string): void {
    let direct = false;
    for (const group of [pkg.dependencies, pkg.devDependencies]) {
      if (group?.[name] !== undefined) {
        group[name] = version;
        direct = true;
      }
    }
    if (!direct) pkg.overrides = { ...pkg.overrides, [name]: version };
    dropLockEntries(lock, name);
    if (direct) {
      const root = lock?.packages?.[""];
      for (const group of [root?.dependencies, root?.devDependencies]) if (group?.[name] !== undefined) group[name] = version;
    }
    this.applied.push(`${name} pinned to ${version}`);
  }

  /** Whether the lock file must be re-resolved (`npm install`) rather than installed as it is (`npm ci`). */
  get changed(): boolean {
    return this.applied.length > 0;
  }
}

function specsOf(pkg: PackageJson, name: string): string[] {
  return [pkg.dependencies?.[name], pkg.devDependencies?.[name]].filter((spec): spec is string => spec !== undefined);
}

function lockedVersion(lock: LockFile | undefined, name: string): string | undefined {
  return lock?.packages?.[`node_modules/${name}`]?.version;
}

function dropLockEntries(lock: LockFile | undefined, name: string): void {
  if (!lock?.packages) return;
  const suffix = `node_modules/${name}`;
  for (const key of Object.keys(lock.packages)) {
    if (key === suffix || key.endsWith(`/${suffix}`)) delete lock.packages[key];
  }
}

/**
 * The package and version of a registry 404 in an npm log: npm names the tarball it could not
 * get (`404 Not Found - GET https://registry.npmjs.org/@scope/name/-/name-1.2.3.tgz`).
 */
export function missingTarball(log: string): { name: string; version: string } | undefined {
  const marker = "404 Not Found - GET ";
  const at = log.indexOf(marker);
  if (at < 0) return undefined;
  const rest = log.slice(at + marker.length);
  const url = rest.slice(0, rest.search(/\s|$/));
  const [packagePath, file] = url.split("/-/");
  if (!packagePath || !file?.endsWith(".tgz")) return undefined;
  const segments = packagePath.split("/");
  const last = segments.pop()!;
  const scope = segments.pop();
  const name = scope?.startsWith("@") ? `${scope}/${last}` : last;
  if (!file.startsWith(`${last}-`)) return undefined;
  return { name, version: file.slice(last.length + 1, -".tgz".length) };
}

function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.+-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * The replacement for a version the registry lost, as close as the registry allows, so that its
 * peer dependencies still fit: a newer patch of the same minor, else the last older patch of it,
 * else a newer minor of the same major, else the last older one of that major, else the next
 * newer release at all.
 */
export function nearestVersion(missing: string, available: string[]): string | undefined {
  const releases = available.filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort(compareVersions);
  const [major, minor] = missing.split(".");
  const sameMajor = releases.filter((v) => v.split(".")[0] === major);
  const sameMinor = sameMajor.filter((v) => v.split(".")[1] === minor);
  const newer = (list: string[]) => list.find((v) => compareVersions(v, missing) > 0);
  const older = (list: string[]) => list.filter((v) => compareVersions(v, missing) < 0).pop();
  return newer(sameMinor) ?? older(sameMinor) ?? newer(sameMajor) ?? older(sameMajor) ?? newer(releases);
}
