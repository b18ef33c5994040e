// Result sharing: subscriptions of the same user with the same key request see the same values,
// so the restricted result is computed once per state version and shared, as is the delta
// between two consecutive versions (and so its JSON and its compressed line).
//
// The sharing key is (user id, request). Different users are never shared: the restriction rules
// read the request user's own id in many places (own user fields, own personal notes, own
// speakers and votes, own meeting users), so two users' results are only known to be equal when
// they are the same user. The case that matters most is covered: anonymous users of a public
// meeting (all user 0) and one user's many tabs and devices, which open identical requests.
import type { KeyRequest } from "./keys-builder/index.js";
import { expandKeys } from "./keys-builder/index.js";
import { createRestricter, restrictedSource } from "./restrict/index.js";
import type { StateReader } from "./restrict/index.js";
import { collectionDependency } from "./restrict/state-reader.js";

export type Delta = Record<string, unknown>;

export interface VersionedReader extends StateReader {
  /** Goes up with every change; equal versions mean equal data. */
  readonly version: number;
  /** The keys changed after a version (undefined: too long ago, compute anew). */
  changedKeysSince?(version: number): ReadonlySet<string> | undefined;
}

/** Above this many changed keys a full computation is cheaper than patching. */
const MAX_PATCHED_KEYS = 2000;

export interface ComputedResult {
  /** The state version the result was computed at. */
  readonly version: number;
  /** false when the request user does not exist (anymore). */
  readonly userExists: boolean;
  /** Visible keys: the value and its JSON (the JSON strings are shared, so equal ones compare fast). */
  readonly values: ReadonlyMap<string, { value: unknown; json: string }>;
  /** Every requested key, visible or not. */
  readonly requested: ReadonlySet<string>;
  /** The keys whose change can alter the result. */
  readonly hotKeys: ReadonlySet<string>;
  /** The keys whose change can alter which keys are requested or visible (followed relations, what the restricter read). */
  readonly structure: ReadonlySet<string>;
}

export function computeResult(state: VersionedReader, userId: number, requests: readonly KeyRequest[]): ComputedResult {
  const version = state.version;
  if (userId > 0 && !state.exists("user", userId)) {
    const hotKeys = new Set([`user/${userId}/id`]);
    return { version, userExists: false, values: new Map(), requested: new Set(), hotKeys, structure: hotKeys };
  }
  const restricter = createRestricter(state, userId);
  const expansion = expandKeys(requests, restrictedSource(restricter));
  const values = new Map<string, { value: unknown; json: string }>();
  for (const [key, value] of restricter.restrict(expansion.keys)) values.set(key, { value, json: JSON.stringify(value) });
  const structure = new Set([...expansion.dependencies, ...restricter.dependencies]);
  const hotKeys = new Set([...expansion.keys, ...structure]);
  return { version, userExists: true, values, requested: expansion.keys, hotKeys, structure };
}

/**
 * The result at the state's version from an earlier one when only plain values changed: no
 * followed relation, nothing the restricter read, nothing of the request user. Only the changed
 * requested keys are restricted again; undefined when a full computation is needed.
 */
export function patchResult(state: VersionedReader, userId: number, previous: ComputedResult): ComputedResult | undefined {
  const changed = state.changedKeysSince?.(previous.version);
  if (!changed || changed.size > MAX_PATCHED_KEYS || !previous.userExists) return undefined;
  const ownPrefix = `user/${userId}/`;
  for (const key of changed) {
    if (previous.structure.has(key) || key.startsWith(ownPrefix)) return undefined;
    if (previous.structure.has(collectionDependency(key.slice(0, key.indexOf("/"))))) return undefined;
  }
  const touched = [...changed].filter((key) => previous.requested.has(key));
  if (touched.length === 0) return { ...previous, version: state.version };
  const restricter = createRestricter(state, userId);
  const fresh = restricter.restrict(touched);
  const values = new Map(previous.values);
  for (const key of touched) {
    const value = fresh.get(key);
    if (value === undefined) values.delete(key);
    else values.set(key, { value, json: JSON.stringify(value) });
  }
  let { structure, hotKeys } = previous;
  const added = [...restricter.dependencies].filter((key) => !structure.has(key));
  if (added.length > 0) {
    structure = new Set([...structure, ...added]);
    hotKeys = new Set([...hotKeys, ...added]);
  }
  return { version: state.version, userExists: true, values, requested: previous.requested, hotKeys, structure };
}

/** The result of one (user, request) for all subscriptions that share it. */
export class SharedResult {
  private current?: ComputedResult;
  private previous?: ComputedResult;
  /** The delta from `previous` to `current` for subscriptions that had sent all of `previous`. */
  private step?: Delta;
  users = 0;

  constructor(
    private readonly state: VersionedReader,
    readonly userId: number,
    readonly requests: readonly KeyRequest[],
  ) {}

  /** The result at the state's current version, computed at most once per version. */
  result(): ComputedResult {
    if (this.current?.version !== this.state.version) {
      // The step between two versions is only worth keeping when several subscribers share it.
      this.previous = this.users > 1 ? this.current : undefined;
      const next = (this.current && patchResult(this.state, this.userId, this.current)) ?? computeResult(this.state, this.userId, this.requests);
      // Keep the same set when the hot keys did not change, so the hub need not index them anew.
      const hotKeys = this.current && sameMembers(this.current.hotKeys, next.hotKeys) ? this.current.hotKeys : next.hotKeys;
      this.current = { ...next, hotKeys };
      this.step = undefined;
    }
    return this.current;
  }

  /**
   * The delta for a subscriber whose last sent values are exactly the result of `version`, or
   * undefined when the shared step does not fit it; computed once for all such subscribers.
   */
  sharedStep(version: number, diff: (from: ComputedResult, to: ComputedResult) => Delta): Delta | undefined {
    const current = this.result();
    if (!this.previous || this.previous.version !== version) return undefined;
    this.step ??= diff(this.previous, current);
    return this.step;
  }
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const member of b) if (!a.has(member)) return false;
  return true;
}

/** Hands out shared results, one per (user, request) while any subscription uses it. */
export class SharedResults {
  private readonly byKey = new Map<string, SharedResult>();

  constructor(private readonly state: VersionedReader) {}

  get size(): number {
    return this.byKey.size;
  }

  /** The shared result for the user and request, and the function that gives it back. */
  acquire(userId: number, requests: readonly KeyRequest[]): { shared: SharedResult; release: () => void } {
    const key = `${userId} ${requestKey(requests)}`;
    let shared = this.byKey.get(key);
    if (!shared) this.byKey.set(key, (shared = new SharedResult(this.state, userId, requests)));
    shared.users++;
    let released = false;
    return {
      shared,
      release: () => {
        if (released) return;
        released = true;
        if (--shared.users === 0 && this.byKey.get(key) === shared) this.byKey.delete(key);
      },
    };
  }
}

/** The request as text: equal texts mean equal requests (field maps are written in their order). */
export function requestKey(requests: readonly KeyRequest[]): string {
  return JSON.stringify(requests, (_name, value: unknown) => (value instanceof Map ? [...value] : value));
}
