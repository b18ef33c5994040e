// Connection counts (spec autoupdate-and-streaming.md 2.6): open requests on /system/autoupdate
// per user, streams and long polls apart, and the answer of /system/autoupdate/connection_count
// for organization managers in full and for meeting admins limited to their meetings' users.
//
// Across processes, as upstream's autoupdate service does it: each process stores its own map
// {"<user id>": <connections>} as JSON in the Redis hash `metric-connections_<kind>-values`
// and the time of that (unix seconds) in `metric-connections_<kind>-timestamp`, both under the
// field of its instance id ("<UTC start time>-<8 random characters>"). A reader adds up the
// instances whose timestamp is younger than twice METRIC_SAVE_INTERVAL. Upstream processes on
// the same Redis take part. Different from upstream: a process adds its own live counts instead
// of its last saved ones, stores soon after a change (not only every interval), removes its
// fields when it stops, and drops fields that have long been stale.
import { randomInt } from "node:crypto";
import type { MessageBus } from "../bus/bus.js";
import { idList, idOf, UserRights } from "./restrict/permissions.js";
import type { AutoupdateService } from "./service.js";

export type ConnectionKind = "stream" | "longpolling";
export type Counts = Map<number, number>;

const KINDS: readonly ConnectionKind[] = ["stream", "longpolling"];
/** A change is stored in Redis after at most this long (or the save interval, if shorter). */
const CHANGE_SAVE_DELAY_MS = 1000;
/** Fields of instances silent for this many save intervals are removed by readers. */
const FORGET_AFTER_INTERVALS = 10;

export function redisKeys(kind: ConnectionKind): { values: string; timestamps: string } {
  return { values: `metric-connections_${kind}-values`, timestamps: `metric-connections_${kind}-timestamp` };
}

function instanceId(): string {
  const started = new Date().toISOString().slice(0, 19);
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const suffix = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${started}-${suffix}`;
}

export interface ConnectionCounterOptions {
  /** Redis, when the counts are shared by the processes of a deployment. */
  bus?: MessageBus;
  saveIntervalMs: number;
  onError(message: string, error: unknown): void;
}

export class ConnectionCounter {
  private readonly local: Record<ConnectionKind, Counts> = { stream: new Map(), longpolling: new Map() };
  readonly instanceId = instanceId();
  private readonly bus?: MessageBus;
  private interval?: NodeJS.Timeout;
  private changeTimer?: NodeJS.Timeout;
  private saving: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: ConnectionCounterOptions) {
    this.bus = options.bus;
    if (this.bus) {
      this.interval = setInterval(() => this.save(), options.saveIntervalMs);
      this.interval.unref();
    }
  }

  get shared(): boolean {
    return this.bus !== undefined;
  }

  /** Counts a running request of the user until the returned function is called (once is enough). */
  count(kind: ConnectionKind, userId: number): () => void {
    const counts = this.local[kind];
    counts.set(userId, (counts.get(userId) ?? 0) + 1);
    this.changed();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (counts.get(userId) ?? 1) - 1;
      if (left > 0) counts.set(userId, left);
      else counts.delete(userId);
      this.changed();
    };
  }

  /** This process's open requests. */
  localCounts(): [Counts, Counts] {
    return [new Map(this.local.stream), new Map(this.local.longpolling)];
  }

  /** Every process's open requests: the local ones, plus the other live instances' in Redis. */
  async counts(): Promise<[Counts, Counts]> {
    if (!this.bus) return this.localCounts();
    const [streams, polls] = await Promise.all(KINDS.map((kind) => this.sharedCounts(kind)));
    return [streams!, polls!];
  }

  /** Stops storing and removes this instance's fields from Redis. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.interval);
    clearTimeout(this.changeTimer);
    await this.saving;
    const bus = this.bus;
    if (!bus) return;
    try {
      await Promise.all(KINDS.flatMap((kind) => Object.values(redisKeys(kind)).map((key) => bus.hashDelete(key, this.instanceId))));
    } catch (error) {
      this.options.onError("could not remove the connection counts from Redis", error);
    }
  }

  private async sharedCounts(kind: ConnectionKind): Promise<Counts> {
    const bus = this.bus!;
    const keys = redisKeys(kind);
    const [values, timestamps] = await Promise.all([bus.hashGetAll(keys.values), bus.hashGetAll(keys.timestamps)]);
    const now = Date.now() / 1000;
    const live = now - (2 * this.options.saveIntervalMs) / 1000;
    const forgotten = now - (FORGET_AFTER_INTERVALS * this.options.saveIntervalMs) / 1000;
    const total = new Map(this.local[kind]);
    const stale: string[] = [];
    for (const [instance, timestamp] of Object.entries(timestamps)) {
      if (instance === this.instanceId) continue;
      const seconds = Number(timestamp);
      if (!(seconds >= live)) {
        if (!(seconds >= forgotten)) stale.push(instance);
        continue;
      }
      for (const [userId, count] of parseCounts(values[instance])) total.set(userId, (total.get(userId) ?? 0) + count);
    }
    if (stale.length > 0) {
      void Promise.all([bus.hashDelete(keys.values, ...stale), bus.hashDelete(keys.timestamps, ...stale)]).catch((error) =>
        this.options.onError("could not remove stale connection counts from Redis", error),
      );
    }
    for (const [userId, count] of total) if (count <= 0) total.delete(userId);
    return total;
  }

  private changed(): void {
    if (!this.bus || this.closed || this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.save();
    }, Math.min(CHANGE_SAVE_DELAY_MS, this.options.saveIntervalMs));
    this.changeTimer.unref();
  }

  /** Stores the local counts; saves run one after the other, so the last one stored is the newest. */
  private save(): void {
    const bus = this.bus;
    if (!bus || this.closed) return;
    this.saving = this.saving.then(async () => {
      if (this.closed) return;
      const now = String(Math.floor(Date.now() / 1000));
      try {
        for (const kind of KINDS) {
          const keys = redisKeys(kind);
          await bus.hashSet(keys.values, this.instanceId, JSON.stringify(Object.fromEntries(this.local[kind])));
          await bus.hashSet(keys.timestamps, this.instanceId, now);
        }
      } catch (error) {
        this.options.onError("could not store the connection counts in Redis", error);
      }
    });
  }
}

/** One instance's stored map; anything unreadable counts as nothing. */
function parseCounts(json: string | undefined): Array<[number, number]> {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [];
    return Object.entries(parsed).flatMap(([key, value]) =>
      /^\d+$/.test(key) && Number.isInteger(value) ? [[Number(key), value as number] as [number, number]] : [],
    );
  } catch {
    return [];
  }
}

export async function connectionCountAnswer(service: AutoupdateService, userId: number): Promise<{ status: number; body: string }> {
  if (userId <= 0) return { status: 400, body: "Connection counting not allowed\n" };
  const rights = new UserRights(service.state, userId);
  let visible: (id: number) => boolean;
  if (rights.hasOrganizationLevel("can_manage_organization")) {
    visible = () => true;
  } else {
    const adminMeetings = [...rights.meetingUserMap()]
      .filter(([meetingId, meetingUserId]) => {
        const adminGroup = idOf(service.state.getField("meeting", meetingId, "admin_group_id"));
        return adminGroup !== undefined && idList(service.state.getField("meeting_user", meetingUserId, "group_ids")).includes(adminGroup);
      })
      .map(([meetingId]) => meetingId);
    if (adminMeetings.length === 0) return { status: 400, body: "Connection counting not allowed\n" };
    const users = new Set<number>();
    for (const meetingId of adminMeetings) {
      for (const meetingUser of idList(service.state.getField("meeting", meetingId, "meeting_user_ids"))) {
        const user = idOf(service.state.getField("meeting_user", meetingUser, "user_id"));
        if (user !== undefined) users.add(user);
      }
    }
    visible = (id) => users.has(id);
  }
  let streams: Counts;
  let polls: Counts;
  try {
    [streams, polls] = await service.counter.counts();
  } catch (error) {
    service.log("connection counts could not be read", error);
    return { status: 500, body: "Counting not possible\n" };
  }
  const shown = (counts: Counts) => Object.fromEntries([...counts].filter(([id]) => visible(id)).map(([id, count]) => [String(id), count]));
  return { status: 200, body: `${JSON.stringify([shown(streams), shown(polls)])}\n` };
}
