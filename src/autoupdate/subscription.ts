// One client's key request kept up to date (spec autoupdate-and-streaming.md 2.2): the diff of
// the visible values against what was sent last, and the keys whose change can alter the result
// (requested keys, followed relations, everything the restricter read). The values themselves
// come from a SharedResult, computed once per state version for all subscriptions of the same
// user and request (shared-result.ts).
import type { KeyRequest } from "./keys-builder/index.js";
import { joinPieces, SharedResult, type ComputedResult, type Delta, type JsonPieces, type VersionedReader } from "./shared-result.js";
import { TimeSlices } from "./work-slices.js";

export type { Delta } from "./shared-result.js";
export { diffResults } from "./shared-result.js";

export class UserDeletedError extends Error {
  constructor() {
    super("Your user account does not exist anymore.");
  }
}

const asJson = (json: string) => json;

export class Subscription {
  /** Streams: what was sent is exactly this result's values (fingerprints are the JSON texts). */
  private sentResult?: ComputedResult;
  /** Otherwise: key → fingerprint of the value last sent. */
  private sentPrints = new Map<string, string>();
  /** The key sets whose change can alter the result. */
  hotKeyGroups: readonly ReadonlySet<string>[] = [];
  /** The state version of the last result handed out (changes after it are still to come). */
  version?: number;
  readonly userId: number;

  constructor(
    readonly shared: SharedResult,
    /** How a sent value is remembered: its JSON (streams) or a short hash of it (long polling). */
    private readonly fingerprint: (json: string) => string = asJson,
  ) {
    this.userId = shared.userId;
  }

  /** A subscription with a result of its own (not shared). */
  static alone(state: VersionedReader, userId: number, requests: readonly KeyRequest[], fingerprint?: (json: string) => string): Subscription {
    return new Subscription(new SharedResult(state, userId, requests), fingerprint);
  }

  /**
   * Recomputes (if the state changed) and returns what changed since the last call (everything
   * visible on the first call). Calls of one subscription must not overlap.
   */
  async next(): Promise<Delta> {
    const slices = new TimeSlices();
    const result = await this.shared.result(slices);
    if (!result.userExists) throw new UserDeletedError();
    this.hotKeyGroups = result.hotKeyGroups;
    this.version = result.version;
    if (this.sentResult) {
      const from = this.sentResult;
      this.sentResult = result;
      if (from === result) return {};
      return (await this.shared.sharedStep(from.version, result, slices)) ?? (await this.shared.diff(from, result, slices));
    }
    const delta: Delta = {};
    const sent = new Map<string, string>();
    for (const [key, { value, json }] of result.values) {
      const print = this.fingerprint(json);
      sent.set(key, print);
      if (this.sentPrints.get(key) !== print) delta[key] = value;
      if (slices.due()) await slices.pause();
    }
    for (const key of this.sentPrints.keys()) {
      if (!sent.has(key) && result.requested.has(key)) delta[key] = null;
    }
    if (this.fingerprint === asJson) {
      this.sentResult = result;
      this.sentPrints = new Map();
    } else {
      this.sentPrints = sent;
    }
    return delta;
  }

  /**
   * A stream's first message as JSON text: every visible value. Equal to JSON of the first
   * next(), but built from the shared serialized values.
   */
  async firstJson(): Promise<string> {
    return joinPieces(await this.firstPieces());
  }

  /** The first message's JSON text in pieces, the head shared with other users of the profile. */
  async firstPieces(slices = new TimeSlices()): Promise<JsonPieces> {
    const result = await this.shared.result(slices);
    if (!result.userExists) throw new UserDeletedError();
    this.hotKeyGroups = result.hotKeyGroups;
    this.version = result.version;
    this.sentResult = result;
    this.sentPrints = new Map();
    return slices.run(result.values.json(slices));
  }

  /** Restores what was sent from a long-polling state (key → fingerprint). */
  restoreSent(sent: Map<string, string>): void {
    this.sentResult = undefined;
    this.sentPrints = sent;
  }

  /** Key → fingerprint of what was sent. */
  sentValues(): ReadonlyMap<string, string> {
    if (!this.sentResult) return this.sentPrints;
    return new Map([...this.sentResult.values].map(([key, { json }]) => [key, this.fingerprint(json)]));
  }
}
