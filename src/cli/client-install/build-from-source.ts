// Building the official client from its source: the local packages it links with `file:`
// (openslides-motion-diff) first, then the client's dependencies with the fixes they need, then
// the production build. Returns the folder of the finished build.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { DependencyFixes, missingTarball, nearestVersion } from "./dependency-fixes.js";
import { InstallError } from "./errors.js";
import type { Progress } from "./progress.js";

const MAX_REPINS = 25;

interface Manifest {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/** The project's `file:` dependencies that are npm projects of their own. */
export function localPackages(projectDir: string): string[] {
  const pkg = manifest(projectDir);
  const specs = Object.values({ ...pkg.dependencies, ...pkg.devDependencies });
  return specs
    .filter((spec) => spec.startsWith("file:"))
    .map((spec) => resolve(projectDir, spec.slice("file:".length)))
    .filter((dir) => existsSync(join(dir, "package.json")));
}

function logSince(file: string, offset: number): string {
  return readFileSync(file, "utf8").slice(offset);
}

/** `npm ci` (or `npm install` once a fix touched the lock file), re-pinning versions the registry lost. */
async function installDependencies(dir: string, env: NodeJS.ProcessEnv, progress: Progress, fixes: DependencyFixes): Promise<void> {
  for (let round = 0; ; round++) {
    const useCi = !fixes.changed && existsSync(join(dir, "package-lock.json"));
    const args = useCi ? ["ci"] : ["install"];
    const offset = statSync(progress.logFile).size;
    try {
      await progress.run("npm", [...args, "--no-audit", "--no-fund"], { cwd: dir, env, what: `npm ${args[0]} in ${dir}` });
      return;
    } catch (error) {
      const missing = missingTarball(logSince(progress.logFile, offset));
      if (!missing || round >= MAX_REPINS) throw error;
      const replacement = await availableReplacement(missing.name, missing.version, dir, env, progress);
      if (!replacement) throw new InstallError(`${missing.name}@${missing.version} is gone from the npm registry and no other version is there. The build log is ${progress.logFile}`);
      progress.info(`${missing.name}@${missing.version} is gone from the npm registry: using ${replacement}`);
      fixes.repin(missing.name, replacement);
    }
  }
}

/** One look-up of the versions the registry has of a package the build needs. */
async function availableReplacement(name: string, missing: string, dir: string, env: NodeJS.ProcessEnv, progress: Progress): Promise<string | undefined> {
  const offset = statSync(progress.logFile).size;
  await progress.run("npm", ["view", name, "versions", "--json"], { cwd: dir, env, what: `npm view ${name} versions` });
  const output = logSince(progress.logFile, offset);
  const json = output.slice(output.indexOf("["), output.lastIndexOf("]") + 1);
  let versions: string[];
  try {
    versions = JSON.parse(json) as string[];
  } catch {
    return undefined;
  }
  return nearestVersion(missing, Array.isArray(versions) ? versions : [versions]);
}

export async function buildLocalPackages(clientDir: string, env: NodeJS.ProcessEnv, progress: Progress): Promise<void> {
  const packages = localPackages(clientDir);
  if (packages.length === 0) progress.info("no local packages");
  for (const dir of packages) {
    await installDependencies(dir, env, progress, new DependencyFixes(dir));
    if (manifest(dir).scripts?.build) await progress.run("npm", ["run", "build"], { cwd: dir, env, what: `building ${dir}` });
  }
}

export async function installClientDependencies(clientDir: string, env: NodeJS.ProcessEnv, progress: Progress): Promise<string[]> {
  const fixes = new DependencyFixes(clientDir);
  for (const fix of fixes.applyKnown()) progress.info(fix);
  await installDependencies(clientDir, env, progress, fixes);
  return fixes.applied;
}

export async function buildClient(clientDir: string, env: NodeJS.ProcessEnv, progress: Progress): Promise<string> {
  if (!manifest(clientDir).scripts?.build) throw new InstallError(`${clientDir}/package.json has no build script`);
  await progress.run("npm", ["run", "build"], { cwd: clientDir, env, what: "the client build (npm run build)" });
  const build = join(clientDir, "dist", "client", "browser");
  if (!existsSync(join(build, "index.html"))) throw new InstallError(`the client build finished but left no dist/client/browser/index.html in ${clientDir}. The build log is ${progress.logFile}`);
  return build;
}
