// Which operating-system user runs the embedded PostgreSQL. PostgreSQL refuses to run as root, so
// as root we pick, in this order:
// 1. the owner of an initialised data folder (a folder made in an earlier run keeps its user);
// 2. the `postgres` user if the machine has one, else `nobody`, when that user can enter the
//    folders above the data folder and the binaries;
// 3. otherwise a user namespace (util-linux `unshare`) in which our root appears as an ordinary
//    user: PostgreSQL starts, and its files stay root's, wherever root keeps them. The process
//    has no capabilities, but it does own root's files, so 2. is preferred.
// Not root: the server runs as ourselves.
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import { chownSync, existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export type ServerUser = { kind: "self" } | { kind: "account"; uid: number; gid: number } | { kind: "namespace" };

/** The id our root appears as inside the user namespace. */
const NAMESPACE_ID = 1000;

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** uid/gid of a user from /etc/passwd, if it exists. */
function passwdEntry(name: string): { uid: number; gid: number } | undefined {
  try {
    for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
      const [user, , uid, gid] = line.split(":");
      if (user === name && uid && gid) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // No passwd file: fall through.
  }
  return undefined;
}

/** The first folder above `path` that the account cannot enter, if any. */
function blockedAncestor(path: string, account: { uid: number; gid: number }): string | undefined {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    const stat = statSync(dir);
    const searchable = stat.uid === account.uid ? stat.mode & 0o100 : stat.gid === account.gid ? stat.mode & 0o010 : stat.mode & 0o001;
    if (!searchable) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

let namespaceSupport: boolean | undefined;

function namespacesWork(): boolean {
  namespaceSupport ??=
    spawnSync("unshare", ["--user", `--map-user=${NAMESPACE_ID}`, `--map-group=${NAMESPACE_ID}`, "true"], { stdio: "ignore", timeout: 5000 }).status === 0;
  return namespaceSupport;
}

function ownerOf(path: string): { uid: number; gid: number } | undefined {
  try {
    const { uid, gid } = statSync(path);
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** `dataDir` may not exist yet; `binary` is the postgres executable. */
export function chooseServerUser(dataDir: string, binary: string): ServerUser {
  if (!isRoot()) return { kind: "self" };
  const owner = ownerOf(dataDir);
  const initialised = existsSync(join(dataDir, "PG_VERSION"));
  if (owner && owner.uid !== 0 && initialised) return { kind: "account", ...owner };
  const account = passwdEntry("postgres") ?? passwdEntry("nobody");
  const blocked = account && (blockedAncestor(dataDir, account) ?? blockedAncestor(binary, account));
  // A folder initialised by root can only have been made in a user namespace: keep to that.
  if (account && !blocked && !initialised) return { kind: "account", ...account };
  if (namespacesWork()) return { kind: "namespace" };
  throw new Error(
    `PostgreSQL refuses to run as root, and no other user can run the embedded database in ${dataDir}` +
      (blocked ? ` (${blocked} is closed to other users)` : "") +
      ". Run as another user, use a data folder other users can enter (OPENSLIDES_DATA_DIR), or set DATABASE_HOST.",
  );
}

/** Hands a file or folder we created to the server user. */
export function giveToServerUser(path: string, user: ServerUser): void {
  if (user.kind === "account") chownSync(path, user.uid, user.gid);
}

export function spawnAsServerUser(
  user: ServerUser,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; stdio: StdioOptions; detached?: boolean },
): ChildProcess {
  if (user.kind === "namespace") {
    return spawn("unshare", ["--user", `--map-user=${NAMESPACE_ID}`, `--map-group=${NAMESPACE_ID}`, "--", command, ...args], options);
  }
  if (user.kind === "account") return spawn(command, args, { ...options, uid: user.uid, gid: user.gid });
  return spawn(command, args, options);
}
