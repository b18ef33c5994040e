// Result sharing. A user's result for a request has two parts:
// - the profile part, computed once per state version for every user with the same permission
//   profile (UserRights.profileKey) and request, as if the user were nobody in particular;
// - the user's own part: the keys whose verdicts compared the user's identity (own user, own
//   personal notes, own speakers and votes: restrict/index.ts records the compared users per
//   verdict), and the relations whose followed value did, expanded for this user alone.
// The rules read identity only by comparing a user with the request user. A user who was not
// compared takes the same path through the rules as nobody, so the profile part holds for them;
// the own part is authoritative for every key it requests.
//
// A user's result (both parts) is in turn shared by all subscriptions of that user with that
// request, and the delta between two consecutive versions of a part is computed once.
//
// Computations run in time slices (work-slices.ts) on a snapshot of the state, so a big request
// lets others in between and still reads one state version throughout, while changes go on
// being applied. The computations of one shared result (and of one profile part) run one after
// the other.
import { SharedText } from "./compression.js";
import type { DeferredRequest, FieldMap, KeyRequest } from "./keys-builder/index.js";
import { expandKeysInSlices } from "./keys-builder/index.js";
import { createProfileRestricter, createRestricter, profileSource, restrictedSource } from "./restrict/index.js";
import type { ComparedUsers, Restricter, StateReader } from "./restrict/index.js";
import { EVERYONE, UserRights } from "./restrict/permissions.js";
import { collectionDependency, RecordingReader } from "./restrict/state-reader.js";
import { runWhole, TimeSlices, WHOLE, type SliceClock, type Sliced } from "./work-slices.js";

export type Delta = Record<string, unknown>;

export interface VersionedReader extends StateReader {
  /** Goes up with every change; equal versions mean equal data. */
  readonly version: number;
  /** The keys changed after a version (undefined: too long ago, compute anew). */
  changedKeysSince?(version: number): ReadonlySet<string> | undefined;
  /** The data at this version for a computation that awaits between reads (src/state LiveState); without it, nothing may change during one. */
  snapshot?(): VersionedReader & { release(): void };
}

/** Above this many changed keys a full computation is cheaper than patching. */
const MAX_PATCHED_KEYS = 2000;

export interface Entry {
  value: unknown;
  json: string;
}

/** One computed part of a result. */
export interface Part {
  readonly version: number;
  /** Visible keys: the value and its JSON (the JSON strings are shared, so equal ones compare fast). */
  readonly values: ReadonlyMap<string, Entry>;
  /** Every requested key, visible or not. */
  readonly requested: ReadonlySet<string>;
  /** The keys whose change can alter which keys are requested or visible (followed relations, what the restricter read). */
  readonly structure: ReadonlySet<string>;
  /** The keys whose change can alter the part: requested keys and structure. */
  readonly hotKeys: ReadonlySet<string>;
}

/** The part shared by a permission profile, with what each user has to compute on their own. */
export interface ProfilePart extends Part {
  /** Requested keys whose value may differ for some users: those users (or EVERYONE). */
  readonly personal: ReadonlyMap<string, ComparedUsers>;
  /** Followed keys whose value may differ for some users, as requests to expand for them. */
  readonly deferred: readonly DeferredRequest[];
}

export interface ComputedResult {
  /** The state version the result was computed at. */
  readonly version: number;
  /** false when the request user does not exist (anymore). */
  readonly userExists: boolean;
  readonly profile?: ProfilePart;
  readonly own: Part;
  /** Visible keys of both parts. */
  readonly values: ResultValues;
  /** Requested keys of both parts. */
  readonly requested: { has(key: string): boolean };
  /** The key sets whose change can alter the result (each set object is shared where the part is). */
  readonly hotKeyGroups: readonly ReadonlySet<string>[];
}

/** The visible values of a result: the own part's for every key it requests, the profile part's for the others. */
export class ResultValues {
  constructor(
    readonly profile: ReadonlyMap<string, Entry> | undefined,
    readonly own: Part,
  ) {}

  get(key: string): Entry | undefined {
    return this.own.requested.has(key) ? this.own.values.get(key) : this.profile?.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  *[Symbol.iterator](): IterableIterator<[string, Entry]> {
    if (this.profile) for (const entry of this.profile) if (!this.own.requested.has(entry[0])) yield entry;
    yield* this.own.values;
  }

  /**
   * All values as one JSON object text, in two pieces: the profile part's values (serialized,
   * and compressed when asked, once for all its users) and the rest.
   */
  *json(clock: SliceClock = WHOLE): Sliced<JsonPieces> {
    const profile = this.profile;
    const own = yield* fragmentOf(this.own.values, clock);
    if (!profile) return { tail: `{${own}}` };
    for (const key of this.own.requested) {
      if (profile.has(key)) return { tail: `{${yield* membersOf(this, clock)}}` };
    }
    let head = heads.get(profile);
    if (!head) heads.set(profile, (head = new SharedText(`{${yield* fragmentOf(profile, clock)}`)));
    return { head, tail: `${head.text.length > 1 && own ? "," : ""}${own}}` };
  }
}

/** A JSON text as a head shared by many results and the rest. */
export interface JsonPieces {
  head?: SharedText;
  tail: string;
}

export const joinPieces = ({ head, tail }: JsonPieces): string => (head?.text ?? "") + tail;

const heads = new WeakMap<ReadonlyMap<string, Entry>, SharedText>();
const fragments = new WeakMap<ReadonlyMap<string, Entry>, string>();

/** The entries as the inside of a JSON object text, kept as long as the map lives. */
function* fragmentOf(values: ReadonlyMap<string, Entry>, clock: SliceClock): Sliced<string> {
  let fragment = fragments.get(values);
  if (fragment === undefined) {
    fragment = yield* membersOf(values, clock);
    fragments.set(values, fragment);
  }
  return fragment;
}

/** Members joined at once: one join of hundreds of thousands of members would block for long. */
const MEMBERS_PER_GROUP = 2048;

/** The entries as `"key":value` members joined by commas (in groups, so that no join takes long). */
function* membersOf(values: Iterable<[string, Entry]>, clock: SliceClock): Sliced<string> {
  const groups: string[] = [];
  let members: string[] = [];
  for (const [key, entry] of values) {
    members.push(`${JSON.stringify(key)}:${entry.json}`);
    if (members.length === MEMBERS_PER_GROUP) {
      groups.push(members.join(","));
      members = [];
    }
    if (clock.due()) yield;
  }
  if (members.length > 0) groups.push(members.join(","));
  return groups.join(",");
}

const EMPTY_PART: Part = { version: 0, values: new Map(), requested: new Set(), structure: new Set(), hotKeys: new Set() };

function* entries(values: Map<string, unknown>, clock: SliceClock): Sliced<Map<string, Entry>> {
  const result = new Map<string, Entry>();
  for (const [key, value] of values) {
    result.set(key, { value, json: JSON.stringify(value) });
    if (clock.due()) yield;
  }
  return result;
}

function* union(clock: SliceClock, ...sets: Iterable<string>[]): Sliced<Set<string>> {
  const result = new Set<string>();
  for (const set of sets) {
    for (const key of set) {
      result.add(key);
      if (clock.due()) yield;
    }
  }
  return result;
}

/** A part for one user: every requested key restricted by the user's own rights. */
export function computeOwnPart(state: VersionedReader, userId: number, requests: readonly KeyRequest[]): Part {
  return runWhole(computeOwnPartInSlices(state, userId, requests, WHOLE));
}

function* computeOwnPartInSlices(state: VersionedReader, userId: number, requests: readonly KeyRequest[], clock: SliceClock): Sliced<Part> {
  const restricter = createRestricter(state, userId);
  const expansion = yield* expandKeysInSlices(requests, restrictedSource(restricter), clock);
  const values = yield* entries(yield* restricter.restrictInSlices(expansion.keys, clock), clock);
  const structure = yield* union(clock, expansion.dependencies, restricter.dependencies);
  return { version: state.version, values, requested: expansion.keys, structure, hotKeys: yield* union(clock, expansion.keys, structure) };
}

/** The profile part, computed with the profile rights of one of its users, as nobody in particular. */
export function computeProfilePart(state: VersionedReader, userId: number, requests: readonly KeyRequest[]): ProfilePart {
  return runWhole(computeProfilePartInSlices(state, userId, requests, WHOLE));
}

function* computeProfilePartInSlices(state: VersionedReader, userId: number, requests: readonly KeyRequest[], clock: SliceClock): Sliced<ProfilePart> {
  const restricter = createProfileRestricter(state, userId);
  const expansion = yield* expandKeysInSlices(requests, profileSource(restricter), clock);
  const { values, personal } = yield* restricter.restrictForProfileInSlices(expansion.keys, clock);
  const structure = yield* union(clock, expansion.dependencies, restricter.dependencies);
  return {
    version: state.version,
    values: yield* entries(values, clock),
    requested: expansion.keys,
    structure,
    hotKeys: yield* union(clock, expansion.keys, structure),
    personal,
    deferred: expansion.deferred,
  };
}

/** What each user computes on their own for a profile part: an index built once per part. */
class OwnPlans {
  private readonly everyone: KeyRequest[] = [];
  private readonly byUser = new Map<number, KeyRequest[]>();

  /** The index of a part, built in slices (a part can list hundreds of thousands of personal keys). */
  static *of(part: ProfilePart, clock: SliceClock): Sliced<OwnPlans> {
    const plans = new OwnPlans();
    for (const { request, users } of part.deferred) {
      plans.add(request, users);
      if (clock.due()) yield;
    }
    for (const [key, users] of part.personal) {
      const [collection, id, field] = key.split("/") as [string, string, string];
      plans.add({ collection, ids: [Number(id)], fields: new Map([[field, null]]) }, users);
      if (clock.due()) yield;
    }
    return plans;
  }

  private add(request: KeyRequest, users: ComparedUsers): void {
    if (users.has(EVERYONE)) return void this.everyone.push(request);
    for (const user of users) {
      let requests = this.byUser.get(user);
      if (!requests) this.byUser.set(user, (requests = []));
      requests.push(request);
    }
  }

  /** The user's own requests and their text (equal texts: the same plan). */
  of(userId: number): { requests: KeyRequest[]; key: string } {
    const requests = [...this.everyone, ...(this.byUser.get(userId) ?? [])];
    return { requests, key: requestKey(requests) };
  }
}

const ownPlans = new WeakMap<ReadonlyMap<string, ComparedUsers>, OwnPlans>();

/** The user's own requests for a profile part. */
export function* ownPlan(part: ProfilePart, userId: number, clock: SliceClock = WHOLE): Sliced<{ requests: KeyRequest[]; key: string }> {
  // Keyed by the personal map: a patched part that keeps it keeps its index.
  let plans = ownPlans.get(part.personal);
  if (!plans) ownPlans.set(part.personal, (plans = yield* OwnPlans.of(part, clock)));
  return plans.of(userId);
}

/**
 * The keys changed since the part's version, when only plain values changed (no followed
 * relation, nothing the restricter read, nothing of `ownUserId`); undefined when the part has to
 * be computed anew.
 */
function plainChanges(state: VersionedReader, previous: Part, ownUserId?: number): string[] | undefined {
  const changed = state.changedKeysSince?.(previous.version);
  if (!changed || changed.size > MAX_PATCHED_KEYS) return undefined;
  const ownPrefix = ownUserId === undefined ? undefined : `user/${ownUserId}/`;
  for (const key of changed) {
    if (previous.structure.has(key) || (ownPrefix !== undefined && key.startsWith(ownPrefix))) return undefined;
    if (previous.structure.has(collectionDependency(key.slice(0, key.indexOf("/"))))) return undefined;
  }
  return [...changed].filter((key) => previous.requested.has(key));
}

/** The part's values with the touched keys replaced by their fresh values (absent: removed). */
function* patchedValues(previous: ReadonlyMap<string, Entry>, touched: readonly string[], fresh: ReadonlyMap<string, unknown>, clock: SliceClock): Sliced<Map<string, Entry>> {
  const values = new Map<string, Entry>();
  for (const [key, entry] of previous) {
    values.set(key, entry);
    if (clock.due()) yield;
  }
  for (const key of touched) {
    const value = fresh.get(key);
    if (value === undefined) values.delete(key);
    else values.set(key, { value, json: JSON.stringify(value) });
  }
  return values;
}

/** Structure and hot keys extended by what the restricter newly read (the same sets when nothing is new). */
function* extendedStructure(previous: Part, restricter: Restricter, clock: SliceClock): Sliced<Pick<Part, "structure" | "hotKeys">> {
  const added = [...restricter.dependencies].filter((key) => !previous.structure.has(key));
  if (added.length === 0) return { structure: previous.structure, hotKeys: previous.hotKeys };
  return { structure: yield* union(clock, previous.structure, added), hotKeys: yield* union(clock, previous.hotKeys, added) };
}

/** The own part at the state's version from an earlier one, or undefined when it has to be computed anew. */
function* patchOwnPart(state: VersionedReader, userId: number, previous: Part, clock: SliceClock): Sliced<Part | undefined> {
  const touched = plainChanges(state, previous, userId);
  if (!touched) return undefined;
  if (touched.length === 0) return { ...previous, version: state.version };
  const restricter = createRestricter(state, userId);
  const values = yield* patchedValues(previous.values, touched, restricter.restrict(touched), clock);
  return { ...previous, version: state.version, values, ...(yield* extendedStructure(previous, restricter, clock)) };
}

/**
 * The profile part at the state's version from an earlier one. When a touched key's compared
 * users changed, the users' own requests change: then it is computed anew.
 */
function* patchProfilePart(state: VersionedReader, userId: number, previous: ProfilePart, clock: SliceClock): Sliced<ProfilePart | undefined> {
  const touched = plainChanges(state, previous);
  if (!touched) return undefined;
  if (touched.length === 0) return { ...previous, version: state.version };
  const restricter = createProfileRestricter(state, userId);
  const { values: fresh, personal } = restricter.restrictForProfile(touched);
  for (const key of touched) {
    const before = previous.personal.get(key);
    const after = personal.get(key);
    if (before !== after && !(before && after && sameMembers(before, after))) return undefined;
  }
  const values = yield* patchedValues(previous.values, touched, fresh, clock);
  return { ...previous, version: state.version, values, ...(yield* extendedStructure(previous, restricter, clock)) };
}

/** The delta from `from` (all of it sent) to `to` for a profile part: changed or new keys, and removed ones. */
interface PartStep {
  from: Part;
  to: Part;
  changed: string[];
  removed: string[];
}

function* partStep(from: Part, to: Part, clock: SliceClock): Sliced<PartStep> {
  const changed: string[] = [];
  const removed: string[] = [];
  if (from.values !== to.values) {
    for (const [key, entry] of to.values) {
      if (from.values.get(key)?.json !== entry.json) changed.push(key);
      if (clock.due()) yield;
    }
    for (const key of from.values.keys()) {
      if (!to.values.has(key)) removed.push(key);
      if (clock.due()) yield;
    }
  }
  return { from, to, changed, removed };
}

/** The profile part of one (profile, request), computed at most once per state version. */
class SharedProfilePart {
  private current?: ProfilePart;
  /** The computations, one after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  private step?: PartStep;
  /** Users' results holding this part (counted by the pool). */
  users = 0;

  constructor(readonly requests: readonly KeyRequest[]) {}

  /**
   * The part at the reader's version (the caller's snapshot); `userId` is a user of the profile,
   * used when it has to be computed. Callers at the same version share one computation.
   */
  result(reader: VersionedReader, userId: number, slices: TimeSlices): Promise<ProfilePart> {
    const next = this.queue.then(async () => {
      if (this.current?.version === reader.version) return this.current;
      return (this.current = await slices.run(this.compute(reader, userId, slices)));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private *compute(state: VersionedReader, userId: number, clock: SliceClock): Sliced<ProfilePart> {
    const previous = this.current;
    const next = (previous && (yield* patchProfilePart(state, userId, previous, clock))) ?? (yield* computeProfilePartInSlices(state, userId, this.requests, clock));
    // Keep the same set when the hot keys did not change, so the hub need not index them anew.
    const hotKeys = previous && sameMembers(previous.hotKeys, next.hotKeys) ? previous.hotKeys : next.hotKeys;
    return { ...next, hotKeys };
  }

  /** The step between two versions of this part, computed once for all users. */
  async stepBetween(from: ProfilePart, to: ProfilePart, slices: TimeSlices): Promise<PartStep> {
    if (this.step?.from !== from || this.step.to !== to) this.step = await slices.run(partStep(from, to, slices));
    return this.step;
  }
}

/** The result of one (user, request) for all subscriptions that share it. */
export class SharedResult {
  private current?: ComputedResult;
  private previous?: ComputedResult;
  /** The delta from `previous` to `current` for subscriptions that had sent all of `previous`. */
  private step?: { to: ComputedResult; delta: Promise<Delta> };
  private profile?: { key: string; part: SharedProfilePart; release: () => void };
  private ownPlanKey?: string;
  /** The computations, one after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Subscriptions that use this result (counted by the pool). */
  users = 0;

  constructor(
    private readonly state: VersionedReader,
    readonly userId: number,
    readonly requests: readonly KeyRequest[],
    private readonly profiles?: ProfileParts,
  ) {}

  /**
   * The result at the state's current version, computed at most once per version, in time slices
   * under a read hold of the state (one version throughout).
   */
  result(slices = new TimeSlices()): Promise<ComputedResult> {
    const next = this.queue.then(() => this.refresh(slices));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async refresh(slices: TimeSlices): Promise<ComputedResult> {
    if (this.current?.version === this.state.version) return this.current;
    const snapshot = this.state.snapshot?.();
    try {
      const next = await this.compute(snapshot ?? this.state, this.current, slices);
      // The step between two versions is only worth keeping when several subscribers share it.
      this.previous = this.users > 1 ? this.current : undefined;
      this.current = next;
      this.step = undefined;
      return next;
    } finally {
      snapshot?.release();
    }
  }

  private async compute(state: VersionedReader, previous: ComputedResult | undefined, slices: TimeSlices): Promise<ComputedResult> {
    if (this.userId > 0 && !state.exists("user", this.userId)) {
      this.leaveProfile();
      const hotKeys = new Set([`user/${this.userId}/id`]);
      const own = { ...EMPTY_PART, version: state.version, structure: hotKeys, hotKeys };
      return { version: state.version, userExists: false, own, values: new ResultValues(undefined, own), requested: own.requested, hotKeyGroups: [hotKeys] };
    }
    if (!this.profiles) {
      const own = await slices.run(this.ownPart(state, previous?.own, this.requests, slices));
      return { version: state.version, userExists: true, own, values: new ResultValues(undefined, own), requested: own.requested, hotKeyGroups: [own.hotKeys] };
    }
    // The profile key is read through a recorder: a change of what it consists of (groups,
    // organization level, managed committees) moves the user to another profile part.
    const reader = new RecordingReader(state);
    const key = new UserRights(reader, this.userId).profileKey();
    const sharedPart = this.joinProfile(key);
    const profile = await sharedPart.result(state, this.userId, slices);
    const plan = await slices.run(ownPlan(profile, this.userId, slices));
    const samePlan = plan.key === this.ownPlanKey;
    this.ownPlanKey = plan.key;
    const ownPart = await slices.run(this.ownPart(state, samePlan ? previous?.own : undefined, plan.requests, slices));
    const missing = [...reader.read].filter((read) => !ownPart.structure.has(read));
    let own = missing.length === 0 ? ownPart : { ...ownPart, structure: runWhole(union(WHOLE, ownPart.structure, missing)), hotKeys: runWhole(union(WHOLE, ownPart.hotKeys, missing)) };
    // Keep the same set when the hot keys did not change, so the hub need not index them anew.
    if (previous && own.hotKeys !== previous.own.hotKeys && sameMembers(previous.own.hotKeys, own.hotKeys)) own = { ...own, hotKeys: previous.own.hotKeys };
    return {
      version: state.version,
      userExists: true,
      profile,
      own,
      values: new ResultValues(profile.values, own),
      requested: { has: (key: string) => profile.requested.has(key) || own.requested.has(key) },
      hotKeyGroups: [profile.hotKeys, own.hotKeys],
    };
  }

  /** The own part patched from the previous one when only plain values changed, else computed anew. */
  private *ownPart(state: VersionedReader, previous: Part | undefined, requests: readonly KeyRequest[], clock: SliceClock): Sliced<Part> {
    return (previous && (yield* patchOwnPart(state, this.userId, previous, clock))) ?? (yield* computeOwnPartInSlices(state, this.userId, requests, clock));
  }

  private joinProfile(key: string): SharedProfilePart {
    if (this.profile?.key === key) return this.profile.part;
    this.leaveProfile();
    const { part, release } = this.profiles!.acquire(key, this.requests);
    this.profile = { key, part, release };
    return part;
  }

  private leaveProfile(): void {
    this.profile?.release();
    this.profile = undefined;
  }

  /** Gives back the profile part (when no subscription uses this result anymore). */
  close(): void {
    this.leaveProfile();
  }

  /** The delta from `from` (all of it sent) to `to`, using the profile part's step shared by all its users. */
  async diff(from: ComputedResult, to: ComputedResult, slices = new TimeSlices()): Promise<Delta> {
    if (!from.profile || !to.profile || !this.profile) return slices.run(diffInSlices(from, to, slices));
    const delta: Delta = {};
    if (from.profile !== to.profile) {
      const step = await this.profile.part.stepBetween(from.profile, to.profile, slices);
      for (const key of step.changed) changeOf(delta, key, from, to);
      for (const key of step.removed) changeOf(delta, key, from, to);
    }
    // Keys the own parts decide differ from the profile part's values, in either result.
    for (const key of from.own.requested) changeOf(delta, key, from, to);
    for (const key of to.own.requested) changeOf(delta, key, from, to);
    return delta;
  }

  /**
   * The delta from the result of `version` to `current` (this result's latest) for a subscriber
   * that was sent exactly the former, or undefined when the shared step does not fit it;
   * computed once for all such subscribers.
   */
  async sharedStep(version: number, current: ComputedResult, slices?: TimeSlices): Promise<Delta | undefined> {
    const previous = this.previous;
    if (!previous || previous.version !== version || current !== this.current) return undefined;
    if (this.step?.to !== current) this.step = { to: current, delta: this.diff(previous, current, slices) };
    return this.step.delta;
  }
}

/** Puts the key's change from `from` to `to` into the delta: its new value, or null when it vanished but is still requested. */
function changeOf(delta: Delta, key: string, from: ComputedResult, to: ComputedResult): void {
  const after = to.values.get(key);
  if (after) {
    if (from.values.get(key)?.json !== after.json) delta[key] = after.value;
  } else if (from.values.has(key) && to.requested.has(key)) {
    delta[key] = null;
  }
}

/** The changes from `from` (all of it sent) to `to`, key by key. */
export function diffResults(from: ComputedResult, to: ComputedResult): Delta {
  return runWhole(diffInSlices(from, to, WHOLE));
}

function* diffInSlices(from: ComputedResult, to: ComputedResult, clock: SliceClock): Sliced<Delta> {
  const delta: Delta = {};
  for (const [key, entry] of to.values) {
    if (from.values.get(key)?.json !== entry.json) delta[key] = entry.value;
    if (clock.due()) yield;
  }
  // A key sent before and still requested but now absent or invisible goes out as null; keys
  // no longer requested are dropped silently.
  for (const [key] of from.values) {
    if (!to.values.has(key) && to.requested.has(key)) delta[key] = null;
    if (clock.due()) yield;
  }
  return delta;
}

function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const member of b) if (!a.has(member)) return false;
  return true;
}

/**
 * Objects handed out by key while anyone holds them: the first acquire creates, the last release
 * drops. The object's `users` counts its holders.
 */
class Pool<T extends { users: number }> {
  private readonly byKey = new Map<string, T>();

  constructor(private readonly dropped: (value: T) => void = () => undefined) {}

  get size(): number {
    return this.byKey.size;
  }

  acquire(key: string, create: () => T): { value: T; release: () => void } {
    let value = this.byKey.get(key);
    if (!value) this.byKey.set(key, (value = create()));
    const held = value;
    held.users++;
    let released = false;
    return {
      value: held,
      release: () => {
        if (released) return;
        released = true;
        if (--held.users === 0 && this.byKey.get(key) === held) {
          this.byKey.delete(key);
          this.dropped(held);
        }
      },
    };
  }
}

/** Hands out profile parts, one per (profile, request) while any user's result uses it. */
class ProfileParts {
  private readonly pool = new Pool<SharedProfilePart>();

  get size(): number {
    return this.pool.size;
  }

  acquire(profileKey: string, requests: readonly KeyRequest[]): { part: SharedProfilePart; release: () => void } {
    const { value, release } = this.pool.acquire(`${profileKey} ${requestKey(requests)}`, () => new SharedProfilePart(requests));
    return { part: value, release };
  }
}

/** Hands out shared results, one per (user, request) while any subscription uses it. */
export class SharedResults {
  private readonly pool = new Pool<SharedResult>((shared) => shared.close());
  readonly profiles: ProfileParts;

  constructor(private readonly state: VersionedReader) {
    this.profiles = new ProfileParts();
  }

  get size(): number {
    return this.pool.size;
  }

  /** The shared result for the user and request, and the function that gives it back. */
  acquire(userId: number, requests: readonly KeyRequest[]): { shared: SharedResult; release: () => void } {
    const { value, release } = this.pool.acquire(`${userId} ${requestKey(requests)}`, () => new SharedResult(this.state, userId, requests, this.profiles));
    return { shared: value, release };
  }
}

/** The request as text: equal texts mean equal requests (field maps are written in their order). */
export function requestKey(requests: readonly KeyRequest[]): string {
  let key = requestKeys.get(requests);
  if (key === undefined) {
    // Without a replacer function: one call per id of a 100,000-id request took tens of milliseconds.
    key = JSON.stringify(requests.map((request) => ({ ...request, fields: plainFields(request.fields) })));
    requestKeys.set(requests, key);
  }
  return key;
}

/** A field map as JSON-ready entries, descriptors' nested maps too. */
function plainFields(fields: FieldMap): unknown[] {
  return [...fields].map(([name, descriptor]) => [name, descriptor && { ...descriptor, fields: plainFields(descriptor.fields) }]);
}

/** Texts of request lists (read-only; the parser hands out one list per distinct body). */
const requestKeys = new WeakMap<readonly KeyRequest[], string>();
