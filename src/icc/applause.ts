// Applause: each user's last applause per meeting in the bus's sorted set `applause`
// (member "<meeting>-<user>", score = unix seconds). Every second the level of each meeting
// (distinct users within the last 5 seconds) is recomputed and pushed to the meeting's listeners
// when it changed. Entries older than the window are pruned (upstream keeps them forever).
import type { MessageBus } from "../bus/bus.js";

export const APPLAUSE_KEY = "applause";
export const APPLAUSE_WINDOW_SECONDS = 5;

export interface ApplauseLevel {
  level: number;
  present_users: number;
}

export interface ApplauseListener {
  meetingId: number;
  deliver(level: ApplauseLevel): void;
}

export interface ApplauseOptions {
  bus: MessageBus;
  /** Number of present users of a meeting. */
  presentUsers(meetingId: number): Promise<number>;
  /** Milliseconds since the epoch; tests drive a clock of their own. */
  now?: () => number;
  onError?: (error: unknown) => void;
}

export class ApplauseService {
  private readonly listeners = new Set<ApplauseListener>();
  private levels = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private ticking = false;
  private readonly now: () => number;

  constructor(private readonly options: ApplauseOptions) {
    this.now = options.now ?? Date.now;
  }

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => void this.tick().catch((error) => this.options.onError?.(error)), intervalMs);
    this.timer.unref();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  listen(listener: ApplauseListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async send(meetingId: number, userId: number): Promise<void> {
    await this.options.bus.sortedSetAdd(APPLAUSE_KEY, Math.floor(this.now() / 1000), `${meetingId}-${userId}`);
  }

  /** The level of every meeting with applause in the window. */
  async currentLevels(): Promise<Map<number, number>> {
    const since = Math.floor(this.now() / 1000) - APPLAUSE_WINDOW_SECONDS;
    const members = await this.options.bus.sortedSetRangeByScore(APPLAUSE_KEY, since, Number.POSITIVE_INFINITY);
    const levels = new Map<number, number>();
    for (const { member } of members) {
      const meetingId = Number(member.split("-")[0]);
      if (Number.isInteger(meetingId)) levels.set(meetingId, (levels.get(meetingId) ?? 0) + 1);
    }
    return levels;
  }

  /** One round: recompute, push changed levels (also drops to 0), prune old entries. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const levels = await this.currentLevels();
      const changed = new Set<number>();
      for (const [meetingId, level] of levels) if (this.levels.get(meetingId) !== level) changed.add(meetingId);
      for (const meetingId of this.levels.keys()) if (!levels.has(meetingId)) changed.add(meetingId);
      this.levels = levels;
      for (const meetingId of changed) {
        const listeners = [...this.listeners].filter((listener) => listener.meetingId === meetingId);
        if (listeners.length === 0) continue;
        const message = { level: levels.get(meetingId) ?? 0, present_users: await this.options.presentUsers(meetingId) };
        for (const listener of listeners) listener.deliver(message);
      }
      const cutoff = Math.floor(this.now() / 1000) - APPLAUSE_WINDOW_SECONDS - 1;
      await this.options.bus.sortedSetRemoveRangeByScore(APPLAUSE_KEY, Number.NEGATIVE_INFINITY, cutoff);
    } finally {
      this.ticking = false;
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.listeners.clear();
  }
}
