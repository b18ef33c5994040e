// Revoked sessions as every verifying process sees them: fed by the `logout` stream of the
// message bus (written by our auth routes and by an upstream auth service alike), kept in a
// local map and pruned by age, like upstream's verifiers. An access token lives 600 s, so
// a revocation older than that cannot matter any more; 15 minutes leave room for clock skew.
import { type MessageBus, type Subscription } from "../bus/bus.js";
import { streamIdBefore, streamIdTime } from "../bus/stream-id.js";
import { LOGOUT_STREAM } from "./sessions.js";

export const REVOCATION_MEMORY_MS = 15 * 60 * 1000;
const PRUNE_INTERVAL_MS = 60 * 1000;

/** The abort reason of a watched session's signal when the session was revoked. */
export class SessionRevokedError extends Error {
  constructor(readonly sessionId: string) {
    super("invalid session");
  }
}

export interface RevokedSessions {
  /** Resolves once the recent history of the stream has been read. */
  readonly ready: Promise<void>;
  isRevoked(sessionId: string): boolean;
  /** Records a revocation made by this process (the stream delivers it again later). */
  add(sessionId: string, atMs?: number): void;
  /** A signal that aborts when the session is revoked or `until` aborts (for long-running requests). */
  watch(sessionId: string, until?: AbortSignal): AbortSignal;
  /**
   * Runs `callback` once when the session is revoked (at once when it is already); returns the
   * function that stops watching. Without an AbortSignal, for what runs for every stream.
   */
  onRevoked(sessionId: string, callback: () => void): () => void;
  close(): void;
}

export function createRevokedSessions(messageBus: MessageBus, options: { onError?: (error: unknown) => void } = {}): RevokedSessions {
  const revokedAt = new Map<string, number>();
  const watchers = new Map<string, Set<() => void>>();

  function add(sessionId: string, atMs = Date.now()): void {
    if (!revokedAt.has(sessionId)) revokedAt.set(sessionId, atMs);
    const callbacks = watchers.get(sessionId);
    if (!callbacks) return;
    watchers.delete(sessionId);
    for (const callback of callbacks) {
      try {
        callback();
      } catch (error) {
        // As a throwing listener of an AbortSignal: reported, and the others still run.
        process.nextTick(() => {
          throw error;
        });
      }
    }
  }

  function onRevoked(sessionId: string, callback: () => void): () => void {
    if (revokedAt.has(sessionId)) {
      callback();
      return () => undefined;
    }
    let callbacks = watchers.get(sessionId);
    if (!callbacks) watchers.set(sessionId, (callbacks = new Set()));
    const watching = callbacks;
    watching.add(callback);
    return () => {
      watching.delete(callback);
      if (watching.size === 0 && watchers.get(sessionId) === watching) watchers.delete(sessionId);
    };
  }

  const subscription: Subscription = messageBus.subscribe(
    LOGOUT_STREAM,
    streamIdBefore(Date.now() - REVOCATION_MEMORY_MS),
    (entries) => {
      for (const entry of entries) {
        const sessionId = entry.fields.sessionId;
        if (sessionId) add(sessionId, streamIdTime(entry.id));
      }
    },
    { onError: options.onError ?? ((error) => console.warn(`logout stream: ${String(error)}`)) },
  );

  const pruner = setInterval(() => {
    const oldest = Date.now() - REVOCATION_MEMORY_MS;
    for (const [sessionId, atMs] of revokedAt) if (atMs < oldest) revokedAt.delete(sessionId);
  }, PRUNE_INTERVAL_MS);
  pruner.unref();

  return {
    ready: subscription.ready,
    isRevoked: (sessionId) => revokedAt.has(sessionId),
    add,
    watch(sessionId, until) {
      const controller = new AbortController();
      if (revokedAt.has(sessionId) || until?.aborted) {
        controller.abort(until?.aborted ? until.reason : new SessionRevokedError(sessionId));
        return controller.signal;
      }
      const stop = onRevoked(sessionId, () => controller.abort(new SessionRevokedError(sessionId)));
      until?.addEventListener(
        "abort",
        () => {
          stop();
          controller.abort(until.reason);
        },
        { once: true },
      );
      return controller.signal;
    },
    onRevoked,
    close() {
      subscription.close();
      clearInterval(pruner);
    },
  };
}
