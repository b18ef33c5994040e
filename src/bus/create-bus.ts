// Chooses the message bus backend from the configuration: Redis when MESSAGE_BUS_HOST or
// CACHE_HOST is set, in-process otherwise.
import type { Config, RedisConfig } from "../config.js";
import type { MessageBus } from "./bus.js";
import { MemoryBus } from "./memory-bus.js";
import { RedisBus } from "./redis-bus.js";

export function createBus(redis: RedisConfig | undefined, options: { keyPrefix?: string } = {}): MessageBus {
  if (!redis) return new MemoryBus();
  return new RedisBus({ host: redis.host, port: redis.port, keyPrefix: options.keyPrefix });
}

export interface Buses {
  /** Streams (logout, icc-notify, ...) and sorted sets: upstream's MESSAGE_BUS_* Redis. */
  messageBus: MessageBus;
  /** Sessions, used tokens, counters: upstream's CACHE_* Redis. The same object when both point to one server. */
  cache: MessageBus;
  close(): Promise<void>;
}

export function createBuses(config: Pick<Config, "messageBus" | "cache">, options: { keyPrefix?: string } = {}): Buses {
  const messageBusTarget = config.messageBus ?? config.cache;
  const cacheTarget = config.cache ?? config.messageBus;
  const messageBus = createBus(messageBusTarget, options);
  const cache = sameServer(messageBusTarget, cacheTarget) ? messageBus : createBus(cacheTarget, options);
  return {
    messageBus,
    cache,
    close: async () => {
      await messageBus.close();
      if (cache !== messageBus) await cache.close();
    },
  };
}

function sameServer(a: RedisConfig | undefined, b: RedisConfig | undefined): boolean {
  return a?.host === b?.host && a?.port === b?.port;
}
