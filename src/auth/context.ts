// Everything authentication needs in one process, built once at start and shared by the
// auth routes and by every service that authenticates requests.
import type { MessageBus } from "../bus/bus.js";
import { createRequestAuthenticator, type RequestAuthenticator, type VerifierFlavour } from "./authenticate-request.js";
import { createLoginRateLimiter, DEFAULT_LOGIN_RATE_LIMIT, type LoginRateLimiter, type LoginRateLimitOptions } from "./login-rate-limit.js";
import { createRevokedSessions, type RevokedSessions } from "./revocations.js";
import { createSessionStore, type SessionStore } from "./sessions.js";
import { createTicketChecker, type TicketChecker } from "./ticket-check.js";
import type { AuthKeys } from "./tokens.js";

export interface AuthContext {
  keys: AuthKeys;
  sessions: SessionStore;
  revocations: RevokedSessions;
  tickets: TicketChecker;
  loginRateLimiter: LoginRateLimiter;
  /** Used-token marks and counters live here (upstream CACHE_*). */
  cache: MessageBus;
  /** "python" for action, presenter, media; "go" for autoupdate, icc, vote, projector, search. */
  authenticator(flavour: VerifierFlavour): RequestAuthenticator;
  /** Stops watching the logout stream (the buses are closed by their owner). */
  close(): void;
}

export interface AuthContextOptions {
  keys: AuthKeys;
  /** Sessions, used tokens and login counters (CACHE_*). */
  cache: MessageBus;
  /** The `logout` stream (MESSAGE_BUS_*). */
  messageBus: MessageBus;
  loginRateLimit?: LoginRateLimitOptions;
}

export function createAuthContext(options: AuthContextOptions): AuthContext {
  const revocations = createRevokedSessions(options.messageBus);
  const sessions = createSessionStore(options.cache, options.messageBus, { onRevoked: (sessionId) => revocations.add(sessionId) });
  const tickets = createTicketChecker(options.keys, sessions);
  const authenticators = new Map<VerifierFlavour, RequestAuthenticator>();
  return {
    keys: options.keys,
    sessions,
    revocations,
    tickets,
    cache: options.cache,
    loginRateLimiter: createLoginRateLimiter(options.cache, options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT),
    authenticator(flavour) {
      let authenticator = authenticators.get(flavour);
      if (!authenticator) {
        authenticator = createRequestAuthenticator(flavour, { keys: options.keys, tickets, revocations });
        authenticators.set(flavour, authenticator);
      }
      return authenticator;
    },
    close: () => revocations.close(),
  };
}
