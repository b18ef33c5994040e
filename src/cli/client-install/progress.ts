// What `npm run client` tells the operator while it works, and the build log beside it: every
// command's output goes into the log; the terminal gets the steps and a heartbeat.
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { InstallError } from "./errors.js";

const HEARTBEAT_MS = 30_000;

export class Progress {
  private step = 0;

  constructor(
    readonly logFile: string,
    private readonly steps: number,
    private readonly out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {
    mkdirSync(dirname(logFile), { recursive: true });
    writeFileSync(logFile, `npm run client, ${new Date().toISOString()}\n`);
  }

  /** Announces the next step. */
  begin(title: string): void {
    this.step += 1;
    this.out(`[${this.step}/${this.steps}] ${title}`);
    this.log(`\n== ${title}`);
  }

  info(line: string): void {
    this.out(`      ${line}`);
    this.log(line);
  }

  log(line: string): void {
    appendFileSync(this.logFile, `${line}\n`);
  }

  /** Runs a command with its output in the log; fails with the log's path. */
  async run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; what: string }): Promise<void> {
    this.log(`$ (cd ${options.cwd} && ${command} ${args.join(" ")})`);
    const started = Date.now();
    const heartbeat = setInterval(() => this.out(`      ... ${options.what}: still running (${Math.round((Date.now() - started) / 60_000)} min)`), HEARTBEAT_MS);
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.on("data", (chunk: Buffer) => appendFileSync(this.logFile, chunk));
        child.stderr.on("data", (chunk: Buffer) => appendFileSync(this.logFile, chunk));
        child.on("error", reject);
        child.on("close", resolve);
      });
      if (code !== 0) throw new InstallError(`${options.what} failed (exit code ${code}). The build log is ${this.logFile}`);
    } catch (error) {
      if (error instanceof InstallError) throw error;
      throw new InstallError(`${options.what} could not be started (${(error as Error).message}). The build log is ${this.logFile}`);
    } finally {
      clearInterval(heartbeat);
    }
    this.info(`${options.what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}
