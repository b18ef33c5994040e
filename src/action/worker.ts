// Long requests (spec action-service 2.8): when a request is not done after
// OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT seconds the client gets 202 and an action_worker
// model that is kept up to date (heartbeat) and finally carries the response.
import type { Database } from "../db/types.js";
import { ActionError } from "./errors.js";
import type { ActionsResponse } from "./handler.js";
import { nowTimestamp } from "./shared/clock.js";

const HEARTBEAT_MS = 10_000;
const MAX_NAME_LENGTH = 256;

/** The payload's action names joined by ","; long runs compressed to <name>_<count>. */
export function concatenateActionNames(payload: unknown): string {
  try {
    const names = (payload as Array<{ action?: unknown }>).map((element) => String(element?.action ?? ""));
    let result = names.join(",");
    if (result.length <= MAX_NAME_LENGTH) return result;
    const runs: string[] = [];
    let count = 0;
    names.forEach((name, i) => {
      count++;
      if (names[i + 1] !== name) {
        runs.push(`${name}_${count}`);
        count = 0;
      }
    });
    result = runs.join(",");
    return result.length > MAX_NAME_LENGTH ? `${result.slice(0, 255)}…` : result;
  } catch {
    return "Cannot be determined";
  }
}

export interface WatchOptions {
  db: Database;
  timeoutSeconds: number;
  userId: number;
  payload: unknown;
  log?: (message: string, error?: unknown) => void;
}

type Settled = { ok: true; value: ActionsResponse } | { ok: false; error: unknown };

/** Runs the work; answers normally when it ends in time, else with 202 and an action_worker. */
export async function watchActionRequest(work: () => Promise<ActionsResponse>, options: WatchOptions): Promise<ActionsResponse> {
  const created = nowTimestamp();
  const running: Promise<Settled> = work().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (options.timeoutSeconds < 0) return unwrap(await running);
  // 0: always in the background, however quick the work would be.
  if (options.timeoutSeconds > 0) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), options.timeoutSeconds * 1000)));
    const first = await Promise.race([running, timedOut]);
    clearTimeout(timer);
    if (first !== "timeout") return unwrap(first);
  }

  const name = concatenateActionNames(options.payload);
  const worker = new ActionWorkerRecord(options, name, created);
  const message = await worker.writeInitial();
  void worker.followUntilDone(running);
  return {
    status_code: 202,
    success: false,
    message,
    results: [[{ fqid: worker.fqid, name, written: worker.written }]],
  };
}

function unwrap(settled: Settled): ActionsResponse {
  if (settled.ok) return settled.value;
  throw settled.error;
}

class ActionWorkerRecord {
  id?: number;
  written = false;

  constructor(
    private readonly options: WatchOptions,
    private readonly name: string,
    private readonly created: number,
  ) {}

  get fqid(): string {
    return this.id === undefined ? "Still not set" : `action_worker/${this.id}`;
  }

  async writeInitial(): Promise<string> {
    try {
      await this.options.db.transaction(async (tx) => {
        this.id ??= (await tx.reserveIds("action_worker", 1))[0];
        await tx.write([
          {
            type: "create",
            fqid: this.fqid,
            fields: {
              id: this.id,
              name: this.name,
              state: "running",
              created: this.created,
              timestamp: nowTimestamp(),
              user_id: this.options.userId,
            },
          },
        ]);
      });
      this.written = true;
      return `Action (${this.name}) lasts too long. ${this.fqid} written to database. Get the result from database, when the job is done.`;
    } catch (error) {
      this.options.log?.("initial action_worker write failed", error);
      return `Action (${this.name}) lasts too long, exception on writing ${this.fqid}: ${error instanceof Error ? error.message : String(error)}. Get the result later from database.`;
    }
  }

  async followUntilDone(running: Promise<Settled>): Promise<void> {
    for (let attempt = 0; !this.written && attempt < 3; attempt++) await this.writeInitial();
    const heartbeat = setInterval(() => void this.update({ timestamp: nowTimestamp() }), HEARTBEAT_MS);
    const settled = await running;
    clearInterval(heartbeat);
    await this.update({ state: "end", timestamp: nowTimestamp(), result: resultJson(settled) });
  }

  private async update(fields: Record<string, unknown>): Promise<void> {
    if (!this.written) return;
    try {
      await this.options.db.transaction((tx) => tx.write([{ type: "update", fqid: this.fqid, fields }]));
    } catch (error) {
      this.options.log?.(`updating ${this.fqid} failed`, error);
    }
  }
}

function resultJson(settled: Settled): unknown {
  if (settled.ok) return settled.value;
  if (settled.error instanceof ActionError) return settled.error.toJson();
  const message = settled.error instanceof Error ? settled.error.message : String(settled.error);
  return { success: false, message, message_args: {} };
}
