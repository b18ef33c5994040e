// The autoupdate component's shared parts: the in-memory state (loaded at start, fed by the
// change feed), the hub that routes changes to subscriptions, the connection counts (in Redis
// when the deployment has one) and the line compressor.
import type { AppContext } from "../app.js";
import { openState, type LiveState } from "../state/state.js";
import { loadLineCompressor, type LineEncoder } from "./compression.js";
import { ConnectionCounter } from "./connection-count.js";
import { SubscriptionHub } from "./hub.js";
import { SharedResults } from "./shared-result.js";
import { readAutoupdateSettings, type AutoupdateSettings } from "./settings.js";
import { warmUp } from "./warm-up.js";

export type { ConnectionKind } from "./connection-count.js";

export class AutoupdateService {
  private stateAndHub?: { state: LiveState; hub: SubscriptionHub; results: SharedResults };
  readonly ready: Promise<void>;
  readonly settings: AutoupdateSettings;
  readonly counter: ConnectionCounter;
  readonly log: (message: string, error?: unknown) => void;

  constructor(app: AppContext, settings: AutoupdateSettings = readAutoupdateSettings()) {
    this.settings = settings;
    this.log = (message, error) => app.log.error(`autoupdate: ${message}`, error);
    const redis = app.buses.messageBus.kind === "redis" && settings.shareConnectionCounts ? app.buses.messageBus : undefined;
    this.counter = new ConnectionCounter({ bus: redis, saveIntervalMs: settings.metricSaveIntervalMs, onError: this.log });
    this.ready = openState(app.db, { log: (message, error) => app.log.error(`autoupdate state: ${message}`, error) }).then((state) => {
      this.stateAndHub = { state, hub: new SubscriptionHub(state), results: new SharedResults(state) };
      // After `ready`: requests do not wait for it, it only makes their code warm.
      if (settings.warmUp) setImmediate(() => warmUp(state, this.stateAndHub!.results).catch((error) => this.log("the warm-up failed", error)));
    });
    // A failed start is reported by the requests that wait for it.
    this.ready.catch((error) => app.log.error("autoupdate: the state could not be loaded", error));
    // The codec (libzstd in WebAssembly, about 20 MiB of memory) is loaded by the first request
    // that asks for compressed lines, not at start: an idle server does not pay for it.
  }

  get state(): LiveState {
    return this.stateAndHub!.state;
  }

  get hub(): SubscriptionHub {
    return this.stateAndHub!.hub;
  }

  /** The results shared by subscriptions of the same user and request. */
  get results(): SharedResults {
    return this.stateAndHub!.results;
  }

  /**
   * The encoder of compressed lines, or undefined when the codec cannot be loaded: the lines then
   * go out plain, which the client accepts (it falls back to plain JSON).
   */
  async compressor(): Promise<LineEncoder | undefined> {
    try {
      return await loadLineCompressor();
    } catch (error) {
      this.log("zstd could not be loaded; sending uncompressed lines", error);
      return undefined;
    }
  }

  async close(): Promise<void> {
    await this.counter.close();
    await this.ready.catch(() => undefined);
    this.stateAndHub?.hub.close();
    await this.stateAndHub?.state.close();
  }
}
