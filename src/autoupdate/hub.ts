// Routes state changes to the subscriptions they concern, and recomputes each due subscription
// once for all changes that arrived meanwhile. A subscription's hot keys come in groups (sets);
// a group shared by many subscriptions (the profile part of a permission profile) is indexed
// once: key → groups, group → listeners. Recomputations run one after the other (each in time
// slices, shared-result.ts); changes that arrive meanwhile are taken by the next round.
import type { LiveState, StateChange } from "../state/state.js";
import { collectionDependency } from "./restrict/state-reader.js";
import type { Delta, Subscription } from "./subscription.js";

export interface Listener {
  subscription: Subscription;
  /** Gets the non-empty delta of a recomputation, or the error that ended it. */
  deliver(delta: Delta): void;
  fail(error: unknown): void;
}

type KeyGroup = ReadonlySet<string>;

/**
 * Groups of at least this many keys are not indexed key by key: indexing (and unindexing) the
 * 600,000 keys of the largest allowed request blocked the event loop for seconds. A change looks
 * them up directly instead (few such groups exist: only big requests make them).
 */
const INDEXED_GROUP_MAX = 4096;

export class SubscriptionHub {
  private readonly byKey = new Map<string, Set<KeyGroup>>();
  /** Groups too big to index key by key. */
  private readonly bigGroups = new Set<KeyGroup>();
  private readonly listenersOf = new Map<KeyGroup, Set<Listener>>();
  private readonly indexed = new Map<Listener, readonly KeyGroup[]>();
  private readonly due = new Set<Listener>();
  private scheduled = false;
  private running = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly state: LiveState) {
    this.unsubscribe = state.subscribe((change) => this.onChange(change));
  }

  /** Starts following changes for a listener whose subscription has computed once. */
  add(listener: Listener): () => void {
    this.index(listener);
    // Changes applied while its (sliced) computation ran reached no listener: recompute at once.
    if (listener.subscription.version !== this.state.version) {
      this.due.add(listener);
      this.schedule();
    }
    return () => this.remove(listener);
  }

  get size(): number {
    return this.indexed.size;
  }

  /** Distinct key groups indexed (shared groups count once). */
  get groups(): number {
    return this.listenersOf.size;
  }

  close(): void {
    this.unsubscribe();
    this.byKey.clear();
    this.bigGroups.clear();
    this.listenersOf.clear();
    this.indexed.clear();
    this.due.clear();
  }

  private index(listener: Listener): void {
    const groups = listener.subscription.hotKeyGroups;
    const before = this.indexed.get(listener);
    // Unchanged groups (the same sets, e.g. of a shared result that did not move) stay indexed.
    if (before && before.length === groups.length && before.every((group, i) => group === groups[i])) return;
    for (const group of groups) this.join(group, listener);
    for (const group of before ?? []) if (!groups.includes(group)) this.leave(group, listener);
    this.indexed.set(listener, groups);
  }

  private join(group: KeyGroup, listener: Listener): void {
    let listeners = this.listenersOf.get(group);
    if (!listeners) {
      this.listenersOf.set(group, (listeners = new Set()));
      if (group.size >= INDEXED_GROUP_MAX) {
        this.bigGroups.add(group);
      } else {
        for (const key of group) {
          let groups = this.byKey.get(key);
          if (!groups) this.byKey.set(key, (groups = new Set()));
          groups.add(group);
        }
      }
    }
    listeners.add(listener);
  }

  private leave(group: KeyGroup, listener: Listener): void {
    const listeners = this.listenersOf.get(group);
    if (!listeners) return;
    listeners.delete(listener);
    if (listeners.size > 0) return;
    this.listenersOf.delete(group);
    if (this.bigGroups.delete(group)) return;
    for (const key of group) {
      const groups = this.byKey.get(key);
      groups?.delete(group);
      if (groups?.size === 0) this.byKey.delete(key);
    }
  }

  private unindex(listener: Listener): void {
    for (const group of this.indexed.get(listener) ?? []) this.leave(group, listener);
    this.indexed.delete(listener);
  }

  private remove(listener: Listener): void {
    this.unindex(listener);
    this.due.delete(listener);
  }

  private markDue(key: string): void {
    for (const group of this.byKey.get(key) ?? []) this.markGroupDue(group);
    for (const group of this.bigGroups) if (group.has(key)) this.markGroupDue(group);
  }

  private markGroupDue(group: KeyGroup): void {
    for (const listener of this.listenersOf.get(group) ?? []) this.due.add(listener);
  }

  private onChange(change: StateChange): void {
    for (const key of change.keys) {
      this.markDue(key);
      this.markDue(collectionDependency(key.slice(0, key.indexOf("/"))));
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.due.size === 0 || this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => void this.recompute());
  }

  private async recompute(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    try {
      const due = [...this.due];
      this.due.clear();
      for (const listener of due) {
        if (!this.indexed.has(listener)) continue;
        let delta: Delta;
        try {
          delta = await listener.subscription.next();
        } catch (error) {
          this.remove(listener);
          listener.fail(error);
          continue;
        }
        // Removed while computing (its stream closed, or the hub closed).
        if (!this.indexed.has(listener)) continue;
        this.index(listener);
        if (Object.keys(delta).length > 0) listener.deliver(delta);
      }
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
