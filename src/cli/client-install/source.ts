// Where the client's source comes from: a folder, a tarball, a git URL or (by default) the
// pinned release's tarball from the public repository. Everything ends up as a folder under
// the work folder, and the project root inside it is found by its files.
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { InstallError } from "./errors.js";
import type { Progress } from "./progress.js";

/** The openslides-client release that matches this server's schema (OpenSlides 4.3). */
export const CLIENT_RELEASE = "4.3.1";
export const DEFAULT_SOURCE = `https://github.com/OpenSlides/openslides-client/archive/refs/tags/${CLIENT_RELEASE}.tar.gz`;
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

export function isTarball(path: string): boolean {
  return /\.(tar\.gz|tgz|tar)$/i.test(path);
}

function isRemote(source: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(source) || /^[\w.-]+@[\w.-]+:/.test(source);
}

/** Unpacks a tarball with the system's tar (every Linux and macOS has one). */
export async function unpack(tarball: string, into: string, progress: Progress): Promise<void> {
  mkdirSync(into, { recursive: true });
  await progress.run("tar", ["-xf", tarball, "-C", into], { cwd: into, what: `unpacking ${tarball}` });
}

/** A folder that holds one folder and nothing else (as a release tarball unpacks) stands for that folder. */
export function descendSingleFolder(dir: string): string {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.length === 1 && entries[0]!.isDirectory()) return join(dir, entries[0]!.name);
  return dir;
}

function networkFailure(url: string, error: unknown): InstallError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new InstallError(
    `could not download the client source from ${url} (${reason}). Is this machine online? ` +
      `Without network, build the client elsewhere and install it with "npm run client -- --from-build <folder|tgz>", ` +
      `or give a local copy with "npm run client -- --source <folder|tarball>".`,
  );
}

async function download(url: string, file: string, progress: Progress): Promise<void> {
  progress.info(`downloading ${url}`);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    throw networkFailure(url, error);
  }
  if (!response.ok || !response.body) throw new InstallError(`could not download the client source from ${url}: HTTP ${response.status}`);
  try {
    await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), createWriteStream(file));
  } catch (error) {
    throw networkFailure(url, error);
  }
}

async function cloneGit(source: string, into: string, progress: Progress): Promise<void> {
  const [url, ref] = source.split("#", 2) as [string, string | undefined];
  const args = ["clone", "--depth", "1", ...(ref ? ["--branch", ref] : []), url, into];
  await progress.run("git", args, { cwd: process.cwd(), what: `git clone ${source}` });
}

/** Brings the source into `workDir/source` and returns the folder it unpacked to. */
export async function fetchSource(source: string, workDir: string, progress: Progress): Promise<string> {
  const target = join(workDir, "source");
  const local = resolve(source);
  if (existsSync(local)) {
    if (statSync(local).isDirectory()) {
      progress.info(`copying ${local}`);
      cpSync(local, target, { recursive: true, filter: (path) => !/[\\/](node_modules|\.git)$/.test(path) });
      return target;
    }
    await unpack(local, target, progress);
    return descendSingleFolder(target);
  }
  if (!isRemote(source)) throw new InstallError(`--source ${source}: no such folder or file, and not a URL`);
  if (isTarball(new URL(source, "file:///").pathname)) {
    const file = join(workDir, "source.tar.gz");
    await download(source, file, progress);
    await unpack(file, target, progress);
    return descendSingleFolder(target);
  }
  await cloneGit(source, target, progress);
  return target;
}

/** The client's npm project: `client/` in the repository's layout, else the root itself. */
export function clientProject(root: string): string {
  for (const dir of [join(root, "client"), root]) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  throw new InstallError(`${root} holds no client project (no client/package.json and no package.json)`);
}
