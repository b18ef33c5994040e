// One client's key request kept up to date (spec autoupdate-and-streaming.md 2.2): computes the
// visible values, the diff against what was sent last, and the keys whose change can alter the
// result (requested keys, followed relations, everything the restricter read).
import { createRestricter, restrictedSource, type StateReader } from "./restrict/index.js";
import { expandKeys, type KeyRequest } from "./keys-builder/index.js";

export type Delta = Record<string, unknown>;

export class UserDeletedError extends Error {
  constructor() {
    super("Your user account does not exist anymore.");
  }
}

export class Subscription {
  /** key → fingerprint of the value last sent. */
  private sent = new Map<string, string>();
  hotKeys: ReadonlySet<string> = new Set();

  constructor(
    private readonly state: StateReader,
    readonly userId: number,
    private readonly requests: readonly KeyRequest[],
    /** How a sent value is remembered: its JSON (streams) or a short hash of it (long polling). */
    private readonly fingerprint: (json: string) => string = (json) => json,
  ) {}

  /** Recomputes and returns what changed since the last call (everything visible on the first call). */
  next(): Delta {
    if (this.userId > 0 && !this.state.exists("user", this.userId)) throw new UserDeletedError();
    const restricter = createRestricter(this.state, this.userId);
    const expansion = expandKeys(this.requests, restrictedSource(restricter));
    const values = restricter.restrict(expansion.keys);
    const delta: Delta = {};
    const sent = new Map<string, string>();
    for (const [key, value] of values) {
      const print = this.fingerprint(JSON.stringify(value));
      sent.set(key, print);
      if (this.sent.get(key) !== print) delta[key] = value;
    }
    // A key sent before and still requested but now absent or invisible goes out as null; keys
    // no longer requested are dropped silently.
    for (const key of this.sent.keys()) {
      if (!sent.has(key) && expansion.keys.has(key)) delta[key] = null;
    }
    this.sent = sent;
    this.hotKeys = new Set([...expansion.keys, ...expansion.dependencies, ...restricter.dependencies]);
    return delta;
  }

  /** Restores what was sent from a long-polling state. */
  restoreSent(sent: Map<string, string>): void {
    this.sent = sent;
  }

  sentValues(): ReadonlyMap<string, string> {
    return this.sent;
  }
}
