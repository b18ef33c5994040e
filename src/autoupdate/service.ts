// The autoupdate component's shared parts: the in-memory state (loaded at start, fed by the
// change feed), the hub that routes changes to subscriptions, and the connection counts.
import type { AppContext } from "../app.js";
import { openState, type LiveState } from "../state/state.js";
import { SubscriptionHub } from "./hub.js";

export type ConnectionKind = "stream" | "longpolling";

export class AutoupdateService {
  private stateAndHub?: { state: LiveState; hub: SubscriptionHub };
  readonly ready: Promise<void>;
  private readonly counts: Record<ConnectionKind, Map<number, number>> = { stream: new Map(), longpolling: new Map() };

  constructor(app: AppContext) {
    this.ready = openState(app.db, { log: (message, error) => app.log.error(`autoupdate state: ${message}`, error) }).then((state) => {
      this.stateAndHub = { state, hub: new SubscriptionHub(state) };
    });
    // A failed start is reported by the requests that wait for it.
    this.ready.catch((error) => app.log.error("autoupdate: the state could not be loaded", error));
  }

  get state(): LiveState {
    return this.stateAndHub!.state;
  }

  get hub(): SubscriptionHub {
    return this.stateAndHub!.hub;
  }

  /** Counts a running request of the user until the returned function is called. */
  countConnection(kind: ConnectionKind, userId: number): () => void {
    const counts = this.counts[kind];
    counts.set(userId, (counts.get(userId) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (counts.get(userId) ?? 1) - 1;
      if (left > 0) counts.set(userId, left);
      else counts.delete(userId);
    };
  }

  connectionCounts(): [Map<number, number>, Map<number, number>] {
    return [this.counts.stream, this.counts.longpolling];
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    this.stateAndHub?.hub.close();
    await this.stateAndHub?.state.close();
  }
}
