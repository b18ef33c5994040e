// Routes state changes to the subscriptions they concern: an index from hot key to
// subscriptions, and one recomputation per subscription for all changes that arrived meanwhile.
import type { LiveState, StateChange } from "../state/state.js";
import { collectionDependency } from "./restrict/state-reader.js";
import type { Delta, Subscription } from "./subscription.js";

export interface Listener {
  subscription: Subscription;
  /** Gets the non-empty delta of a recomputation, or the error that ended it. */
  deliver(delta: Delta): void;
  fail(error: unknown): void;
}

export class SubscriptionHub {
  private readonly byKey = new Map<string, Set<Listener>>();
  private readonly indexed = new Map<Listener, ReadonlySet<string>>();
  private readonly due = new Set<Listener>();
  private scheduled = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly state: LiveState) {
    this.unsubscribe = state.subscribe((change) => this.onChange(change));
  }

  /** Starts following changes for a listener whose subscription has computed once. */
  add(listener: Listener): () => void {
    this.index(listener);
    return () => this.remove(listener);
  }

  get size(): number {
    return this.indexed.size;
  }

  close(): void {
    this.unsubscribe();
    this.byKey.clear();
    this.indexed.clear();
    this.due.clear();
  }

  private index(listener: Listener): void {
    const keys = listener.subscription.hotKeys;
    // Unchanged hot keys (the same set, e.g. of a shared result that did not move) stay indexed.
    if (this.indexed.get(listener) === keys) return;
    this.unindex(listener);
    for (const key of keys) {
      let listeners = this.byKey.get(key);
      if (!listeners) this.byKey.set(key, (listeners = new Set()));
      listeners.add(listener);
    }
    this.indexed.set(listener, keys);
  }

  private unindex(listener: Listener): void {
    for (const key of this.indexed.get(listener) ?? []) {
      const listeners = this.byKey.get(key);
      listeners?.delete(listener);
      if (listeners?.size === 0) this.byKey.delete(key);
    }
    this.indexed.delete(listener);
  }

  private remove(listener: Listener): void {
    this.unindex(listener);
    this.due.delete(listener);
  }

  private onChange(change: StateChange): void {
    for (const key of change.keys) {
      for (const listener of this.byKey.get(key) ?? []) this.due.add(listener);
      const collection = key.slice(0, key.indexOf("/"));
      for (const listener of this.byKey.get(collectionDependency(collection)) ?? []) this.due.add(listener);
    }
    if (this.due.size > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.recompute());
    }
  }

  private recompute(): void {
    this.scheduled = false;
    const due = [...this.due];
    this.due.clear();
    for (const listener of due) {
      if (!this.indexed.has(listener)) continue;
      let delta: Delta;
      try {
        delta = listener.subscription.next();
      } catch (error) {
        this.remove(listener);
        listener.fail(error);
        continue;
      }
      this.index(listener);
      if (Object.keys(delta).length > 0) listener.deliver(delta);
    }
  }
}
