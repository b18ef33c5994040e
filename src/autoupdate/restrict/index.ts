// The restricter (spec autoupdate-and-streaming.md 5.1): which keys a user sees, and relation
// values rewritten to the targets they may see. Each key's field has a mode letter; the object's
// visibility in that mode is decided once per computation by its collection's rules. A relation
// value's targets are checked under the mode of the reverse field. Anything without a rule is
// invisible: a missing rule hides data, it never leaks it.
import { getField, type FieldDefinition } from "../../meta/registry.js";
import type { FieldKey, KeyValueSource } from "../keys-builder/index.js";
import { COLLECTION_RULES } from "./collection-rules.js";
import { UserRights } from "./permissions.js";
import { RecordingReader, type StateReader } from "./state-reader.js";

export type { StateReader } from "./state-reader.js";

export interface Restricter {
  /** The values of the keys ("collection/id/field") as the user may see them; invisible or absent keys are left out. */
  restrict(keys: Iterable<string>): Map<string, unknown>;
  /** Every key read while deciding visibility: when one of them changes, the result may change. */
  readonly dependencies: ReadonlySet<string>;
}

class UserRestricter implements Restricter {
  private readonly reader: RecordingReader;
  private readonly rights: UserRights;
  private readonly decided = new Map<string, boolean>();

  constructor(
    private readonly state: StateReader,
    userId: number,
  ) {
    this.reader = new RecordingReader(state);
    this.rights = new UserRights(this.reader, userId);
  }

  get dependencies(): ReadonlySet<string> {
    return this.reader.read;
  }

  readonly see = (collection: string, mode: string, id: number): boolean => {
    const key = `${collection}/${mode}/${id}`;
    let visible = this.decided.get(key);
    if (visible === undefined) {
      // Guards cycles (motion A ↔ motion C of relatives, meeting_user ↔ speaker): undecided counts as invisible.
      this.decided.set(key, false);
      const check = COLLECTION_RULES[collection]?.[mode];
      visible = check !== undefined && this.reader.exists(collection, id) && check(this.rights, id, this.see);
      this.decided.set(key, visible);
    }
    return visible;
  };

  value(collection: string, id: number, name: string): unknown {
    const field = getField(collection, name);
    if (!field) return undefined;
    const value = this.state.getField(collection, id, name);
    if (value === undefined || value === null) return undefined;
    if (!this.see(collection, field.restrictionMode, id)) return undefined;
    return field.relation ? this.visibleTargets(field, value) : value;
  }

  private targetVisible(field: FieldDefinition, collection: string, id: number): boolean {
    const reverseName = field.relation!.targets[collection];
    const reverse = reverseName === undefined ? undefined : getField(collection, reverseName);
    return reverse !== undefined && this.see(collection, reverse.restrictionMode, id);
  }

  private visibleTargets(field: FieldDefinition, value: unknown): unknown {
    const targetCollection = Object.keys(field.relation!.targets)[0]!;
    switch (field.type) {
      case "relation":
        return typeof value === "number" && this.targetVisible(field, targetCollection, value) ? value : undefined;
      case "relation-list": {
        if (!Array.isArray(value)) return undefined;
        const visible = value.filter((id) => typeof id === "number" && this.targetVisible(field, targetCollection, id));
        return visible.length > 0 ? visible : undefined;
      }
      case "generic-relation":
        return this.genericVisible(field, value) ? value : undefined;
      case "generic-relation-list": {
        if (!Array.isArray(value)) return undefined;
        const visible = value.filter((fqid) => this.genericVisible(field, fqid));
        return visible.length > 0 ? visible : undefined;
      }
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
    const result = new Map<string, unknown>();
    for (const key of keys) {
      const [collection, id, field] = key.split("/");
      if (!collection || !id || !field) continue;
      const value = this.value(collection, Number(id), field);
      if (value !== undefined) result.set(key, value);
    }
    return result;
  }
}

/** A restricter for one computation; it caches permissions for that computation only. */
export function createRestricter(state: StateReader, userId: number): Restricter {
  return new UserRestricter(state, userId);
}

/** The key expansion's view of the data through the restricter (relations followed only to visible targets). */
export function restrictedSource(restricter: Restricter): KeyValueSource {
  const inner = restricter as UserRestricter;
  return { values: (keys: readonly FieldKey[]) => keys.map(({ collection, id, field }) => inner.value(collection, id, field)) };
}
