// `npm run client`: installs the official web client into `<data dir>/client`, where
// `npm start` serves it. Built from source (the pinned openslides-client release by default,
// or --source <folder|tarball|git URL>), or taken from a finished build (--from-build).
import { freemem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { mkdirSync, rmSync } from "node:fs";
import { buildClient, buildLocalPackages, installClientDependencies } from "./client-install/build-from-source.js";
import { InstallError } from "./client-install/errors.js";
import { installBuild, openBuild } from "./client-install/install-build.js";
import { buildEnv, ensureNode, requiredNodeMajor } from "./client-install/node-runtime.js";
import { Progress } from "./client-install/progress.js";
import { CLIENT_RELEASE, DEFAULT_SOURCE, clientProject, fetchSource } from "./client-install/source.js";

/** What the client's production build takes at its peak (Angular with 4 GB of old space allowed). */
const BUILD_MEMORY_BYTES = 3 * 1024 ** 3;
const GB = 1024 ** 3;

export interface InstallOptions {
  source?: string;
  fromBuild?: string;
  dataDir: string;
  skipMemoryCheck: boolean;
  keepWork: boolean;
}

const USAGE = `usage: npm run client [-- options]

Installs the official OpenSlides web client into <data dir>/client, where npm start serves it.

  --source <folder|tarball|git URL[#ref]>  build from this openslides-client source
                                           (default: release ${CLIENT_RELEASE}, ${DEFAULT_SOURCE})
  --from-build <folder|tgz>                install a finished build (its dist/client/browser) instead
  --data-dir <folder>                      the server's data folder (default: OPENSLIDES_DATA_DIR or .openslides)
  --skip-memory-check                      build even with less than 3 GB of free memory
  --keep-work                              keep the source and its node_modules after a successful build
`;

export function parseArguments(args: string[], env: NodeJS.ProcessEnv = process.env): InstallOptions | "help" {
  const options: InstallOptions = { dataDir: resolve(env.OPENSLIDES_DATA_DIR ?? ".openslides"), skipMemoryCheck: false, keepWork: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith("--")) throw new InstallError(`${arg} needs a value\n\n${USAGE}`);
      return next;
    };
    if (arg === "--help" || arg === "-h") return "help";
    else if (arg === "--source") options.source = value();
    else if (arg === "--from-build") options.fromBuild = value();
    else if (arg === "--data-dir") options.dataDir = resolve(value());
    else if (arg === "--skip-memory-check") options.skipMemoryCheck = true;
    else if (arg === "--keep-work") options.keepWork = true;
    else throw new InstallError(`unknown option ${arg}\n\n${USAGE}`);
  }
  if (options.source && options.fromBuild) throw new InstallError("give either --source or --from-build, not both");
  return options;
}

function checkMemory(skip: boolean): void {
  const free = freemem();
  if (skip || free >= BUILD_MEMORY_BYTES) return;
  throw new InstallError(
    `the client build needs about ${BUILD_MEMORY_BYTES / GB} GB of free memory; this machine has ${(free / GB).toFixed(1)} GB free. ` +
      `Close other programs, build on another machine and install that build with --from-build, or try anyway with --skip-memory-check.`,
  );
}

async function installFromBuild(options: InstallOptions & { fromBuild: string }, workDir: string): Promise<string> {
  const progress = new Progress(join(workDir, "install.log"), 2);
  progress.begin(`opening the build ${options.fromBuild}`);
  const build = await openBuild(options.fromBuild, workDir, progress);
  progress.begin(`installing it into ${join(options.dataDir, "client")}`);
  return installBuild(build, options.dataDir, { source: resolve(options.fromBuild) });
}

async function installFromSource(options: InstallOptions, workDir: string): Promise<string> {
  const source = options.source ?? DEFAULT_SOURCE;
  const progress = new Progress(join(workDir, "build.log"), 6);
  progress.info(`build log: ${progress.logFile}`);
  progress.begin(`getting the client source (${source})`);
  checkMemory(options.skipMemoryCheck);
  const root = await fetchSource(source, workDir, progress);
  const clientDir = clientProject(root);
  progress.begin("choosing Node.js");
  const runtime = await ensureNode(requiredNodeMajor(join(clientDir, "package.json")), workDir, progress);
  const env = buildEnv(runtime);
  progress.begin("building the client's local packages");
  await buildLocalPackages(clientDir, env, progress);
  progress.begin("installing the client's dependencies (this downloads about 1 GB)");
  const fixes = await installClientDependencies(clientDir, env, progress);
  progress.begin("building the client (about 3 GB of memory; many minutes)");
  const build = await buildClient(clientDir, env, progress);
  progress.begin(`installing the build into ${join(options.dataDir, "client")}`);
  const target = installBuild(build, options.dataDir, {
    source,
    release: options.source ? undefined : CLIENT_RELEASE,
    node: runtime.version,
    fixes,
  });
  if (!options.keepWork) rmSync(join(workDir, "source"), { recursive: true, force: true });
  return target;
}

export async function installClient(options: InstallOptions): Promise<string> {
  const workDir = join(options.dataDir, "client-build");
  mkdirSync(workDir, { recursive: true });
  return options.fromBuild ? installFromBuild({ ...options, fromBuild: options.fromBuild }, workDir) : installFromSource(options, workDir);
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (options === "help") {
    process.stdout.write(USAGE);
    return;
  }
  const target = await installClient(options);
  process.stdout.write(`\nThe client is installed in ${target}.\nStart the server with "npm start"; it serves the client at /.\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    const message = error instanceof InstallError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`\nnpm run client: ${message}\n`);
    process.exit(1);
  });
}
