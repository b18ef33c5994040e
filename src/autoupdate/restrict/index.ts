// The restricter (spec autoupdate-and-streaming.md 5.1): which keys a user sees, and relation
// values rewritten to the targets they may see. A relation list whose targets are all invisible
// stays as `[]` (as upstream sends it); a single relation to an invisible target is left out. Each key's field has a mode letter; the object's
// visibility in that mode is decided once per computation by its collection's rules. A relation
// value's targets are checked under the mode of the reverse field. Anything without a rule is
// invisible: a missing rule hides data, it never leaks it.
//
// Each verdict also records which users it compared with the request user (UserRights.isSelf),
// passed up from the verdicts a check relies on. Computed for NOBODY (a profile's shared
// computation, where every comparison is false), a verdict holds for every user of the profile
// except the compared ones.
import { getField, type FieldDefinition } from "../../meta/registry.js";
import { PersonalValue, type FieldKey, type KeyValueSource } from "../keys-builder/index.js";
import { COLLECTION_RULES } from "./collection-rules.js";
import { EVERYONE, NOBODY, UserRights } from "./permissions.js";
import { RecordingReader, type StateReader } from "./state-reader.js";
import { runWhole, WHOLE, type SliceClock, type Sliced } from "../work-slices.js";

export type { StateReader } from "./state-reader.js";

/** Users for whom a profile's value may differ: listed ones, or EVERYONE among them. */
export type ComparedUsers = ReadonlySet<number>;

export interface Restricter {
  /** The values of the keys ("collection/id/field") as the user may see them; invisible or absent keys are left out. */
  restrict(keys: Iterable<string>): Map<string, unknown>;
  /**
   * For a profile's shared computation: the values, and per key the users for whom the value
   * may differ (keys whose verdicts compared nobody are not listed). A key listed for EVERYONE
   * has no value here.
   */
  restrictForProfile(keys: Iterable<string>): ProfileValues;
  /** restrict as sliced work (yields when the clock's slice is used up). */
  restrictInSlices(keys: Iterable<string>, clock: SliceClock): Sliced<Map<string, unknown>>;
  restrictForProfileInSlices(keys: Iterable<string>, clock: SliceClock): Sliced<ProfileValues>;
  /** Every key read while deciding visibility: when one of them changes, the result may change. */
  readonly dependencies: ReadonlySet<string>;
}

export interface ProfileValues {
  values: Map<string, unknown>;
  personal: Map<string, ComparedUsers>;
}

/** A cached verdict, and the users it compared (undefined: none). */
interface Verdict {
  visible: boolean;
  compared?: Set<number>;
}

/** A cycle in progress (motion A ↔ motion C of relatives): invisible, and decided anew by everyone. */
const UNDECIDED: Verdict = { visible: false, compared: new Set([EVERYONE]) };

class UserRestricter implements Restricter {
  private readonly reader: RecordingReader;
  private readonly rights: UserRights;
  private readonly decided = new Map<string, Verdict>();

  constructor(
    private readonly state: StateReader,
    userId: number,
    selfId = userId,
  ) {
    this.reader = new RecordingReader(state);
    this.rights = new UserRights(this.reader, userId, selfId);
  }

  get dependencies(): ReadonlySet<string> {
    return this.reader.read;
  }

  readonly see = (collection: string, mode: string, id: number): boolean => {
    const key = `${collection}/${mode}/${id}`;
    const rights = this.rights;
    let verdict = this.decided.get(key);
    if (verdict === undefined) {
      this.decided.set(key, UNDECIDED);
      const outer = rights.compared;
      rights.compared = undefined;
      const check = COLLECTION_RULES[collection]?.[mode];
      const visible = check !== undefined && this.reader.exists(collection, id) && check(rights, id, this.see);
      verdict = { visible, compared: rights.compared };
      rights.compared = outer;
      this.decided.set(key, verdict);
    }
    if (verdict.compared) {
      rights.compared ??= new Set();
      for (const user of verdict.compared) rights.compared.add(user);
    }
    return verdict.visible;
  };

  /** comparedValue as sliced work (the restricter serves one computation, so nothing else runs on it between slices). */
  private *comparedValueInSlices(collection: string, id: number, name: string, clock: SliceClock): Sliced<{ value: unknown; compared?: Set<number> }> {
    this.rights.compared = undefined;
    const value = yield* this.valueInSlices(collection, id, name, clock);
    const compared = this.rights.compared;
    this.rights.compared = undefined;
    return { value, compared };
  }

  /** For a profile's expansion: a followed value, wrapped when it may differ for some users. */
  profileValue(collection: string, id: number, name: string): unknown {
    return runWhole(this.profileValueInSlices(collection, id, name, WHOLE));
  }

  /** profileValue as sliced work. */
  *profileValueInSlices(collection: string, id: number, name: string, clock: SliceClock): Sliced<unknown> {
    const { value, compared } = yield* this.comparedValueInSlices(collection, id, name, clock);
    return compared ? new PersonalValue(compared.has(EVERYONE) ? undefined : value, compared) : value;
  }

  /** The value as the user sees it. */
  value(collection: string, id: number, name: string): unknown {
    return runWhole(this.valueInSlices(collection, id, name, WHOLE));
  }

  /**
   * The value as sliced work: a relation list's targets are checked one by one with the clock
   * (a meeting's `meeting_user_ids` can name 100,000 targets).
   */
  *valueInSlices(collection: string, id: number, name: string, clock: SliceClock): Sliced<unknown> {
    const field = getField(collection, name);
    if (!field) return undefined;
    const value = this.state.getField(collection, id, name);
    if (value === undefined || value === null) return undefined;
    if (!this.see(collection, field.restrictionMode, id)) return undefined;
    if (!field.relation) return value;
    if (field.type !== "relation-list" && field.type !== "generic-relation-list") return this.visibleTargets(field, value);
    if (!Array.isArray(value)) return undefined;
    // Ids of a relation list all point into one collection; a generic list's fqids name theirs.
    const target = field.type === "relation-list" ? Object.keys(field.relation.targets)[0]! : undefined;
    const visible: unknown[] = [];
    for (const item of value) {
      if (target === undefined ? this.genericVisible(field, item) : typeof item === "number" && this.targetVisible(field, target, item)) visible.push(item);
      if (clock.due()) yield;
    }
    return visible;
  }

  private targetVisible(field: FieldDefinition, collection: string, id: number): boolean {
    const reverseName = field.relation!.targets[collection];
    const reverse = reverseName === undefined ? undefined : getField(collection, reverseName);
    return reverse !== undefined && this.see(collection, reverse.restrictionMode, id);
  }

  /** A single relation's value when its target is visible (lists: valueInSlices). */
  private visibleTargets(field: FieldDefinition, value: unknown): unknown {
    switch (field.type) {
      case "relation":
        return typeof value === "number" && this.targetVisible(field, Object.keys(field.relation!.targets)[0]!, value) ? value : undefined;
      case "generic-relation":
        return this.genericVisible(field, value) ? value : undefined;
      default:
        return value;
    }
  }

  private genericVisible(field: FieldDefinition, fqid: unknown): boolean {
    if (typeof fqid !== "string") return false;
    const [collection, id] = fqid.split("/");
    return collection !== undefined && this.targetVisible(field, collection, Number(id));
  }

  restrict(keys: Iterable<string>): Map<string, unknown> {
    return runWhole(this.restrictInSlices(keys, WHOLE));
  }

  *restrictInSlices(keys: Iterable<string>, clock: SliceClock): Sliced<Map<string, unknown>> {
    const result = new Map<string, unknown>();
    for (const key of keys) {
      if (clock.due()) yield;
      const [collection, id, field] = key.split("/");
      if (!collection || !id || !field) continue;
      const value = yield* this.valueInSlices(collection, Number(id), field, clock);
      if (value !== undefined) result.set(key, value);
    }
    return result;
  }

  restrictForProfile(keys: Iterable<string>): ProfileValues {
    return runWhole(this.restrictForProfileInSlices(keys, WHOLE));
  }

  *restrictForProfileInSlices(keys: Iterable<string>, clock: SliceClock): Sliced<ProfileValues> {
    const values = new Map<string, unknown>();
    const personal = new Map<string, ComparedUsers>();
    for (const key of keys) {
      if (clock.due()) yield;
      const [collection, id, field] = key.split("/");
      if (!collection || !id || !field) continue;
      const { value, compared } = yield* this.comparedValueInSlices(collection, Number(id), field, clock);
      if (compared) personal.set(key, compared);
      if (value !== undefined && !compared?.has(EVERYONE)) values.set(key, value);
    }
    return { values, personal };
  }
}

/** A restricter for one computation; it caches permissions for that computation only. */
export function createRestricter(state: StateReader, userId: number): Restricter {
  return new UserRestricter(state, userId);
}

/** A restricter with the user's profile rights for a profile's shared computation: nobody is "self". */
export function createProfileRestricter(state: StateReader, userId: number): Restricter {
  return new UserRestricter(state, userId, NOBODY);
}

/** The key expansion's view of the data through the restricter (relations followed only to visible targets). */
export function restrictedSource(restricter: Restricter): KeyValueSource {
  const inner = restricter as UserRestricter;
  return {
    values: (keys: readonly FieldKey[]) => keys.map(({ collection, id, field }) => inner.value(collection, id, field)),
    *valuesInSlices(keys: readonly FieldKey[], clock: SliceClock) {
      const values: unknown[] = [];
      for (const { collection, id, field } of keys) values.push(yield* inner.valueInSlices(collection, id, field, clock));
      return values;
    },
  };
}

/**
 * The expansion's view for a whole permission profile: a followed value that may differ for some
 * users comes as a PersonalValue, so that the expansion lists it for them.
 */
export function profileSource(restricter: Restricter): KeyValueSource {
  const inner = restricter as UserRestricter;
  return {
    values: (keys: readonly FieldKey[]) => keys.map(({ collection, id, field }) => inner.profileValue(collection, id, field)),
    *valuesInSlices(keys: readonly FieldKey[], clock: SliceClock) {
      const values: unknown[] = [];
      for (const { collection, id, field } of keys) values.push(yield* inner.profileValueInSlices(collection, id, field, clock));
      return values;
    },
  };
}
