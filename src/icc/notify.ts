// Notify: every open listener gets the messages addressed to its meeting, its user or its
// channel. Messages travel over the bus stream `icc-notify`, so a listener on one process gets
// what was published on another.
import { randomInt } from "node:crypto";
import { FROM_NOW, type MessageBus, type StreamEntry, type Subscription } from "../bus/bus.js";
import { invalid } from "./errors.js";
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from "../http/json-depth.js";

export const NOTIFY_STREAM = "icc-notify";
/** Upstream never trims the stream; we keep about this many entries. */
const NOTIFY_STREAM_MAX_LENGTH = 10_000;
const HOST_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export interface NotifyMessage {
  channel_id: string;
  name: string;
  to_meeting?: number;
  to_users?: number[];
  to_channels?: string[];
  message?: unknown;
}

export interface Delivery {
  sender_user_id: number;
  sender_channel_id: string;
  name: string;
  message: unknown;
}

export interface NotifyListener {
  channelId: string;
  userId: number;
  meetingId: number;
  /** False when the user may not see the meeting: its broadcasts are then not delivered. */
  receivesMeetingBroadcasts: boolean;
  deliver(delivery: Delivery): void;
}

export function userIdOfChannel(channelId: string): number {
  const parts = channelId.split(":");
  if (parts.length !== 3 || !/^-?\d+$/.test(parts[1]!)) return 0;
  return Number(parts[1]);
}

/** Validates a publish body the way upstream's decoder does; unknown fields are ignored. */
export function parsePublishBody(text: string): NotifyMessage {
  let body: unknown;
  if (jsonNestsDeeperThan(text)) throw invalid(`invalid json: nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw invalid(`invalid json: ${(error as Error).message}`);
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw invalid("invalid json: the body must be a JSON object");
  const raw = body as Record<string, unknown>;
  const fail = (field: string, expected: string) => invalid(`invalid json: field ${field} must be ${expected}`);
  const isInt = (value: unknown) => typeof value === "number" && Number.isInteger(value);
  if (raw.channel_id !== undefined && raw.channel_id !== null && typeof raw.channel_id !== "string") throw fail("channel_id", "a string");
  if (raw.name !== undefined && raw.name !== null && typeof raw.name !== "string") throw fail("name", "a string");
  if (raw.to_meeting !== undefined && raw.to_meeting !== null && !isInt(raw.to_meeting)) throw fail("to_meeting", "an integer");
  if (raw.to_users !== undefined && raw.to_users !== null && !(Array.isArray(raw.to_users) && raw.to_users.every(isInt))) throw fail("to_users", "a list of integers");
  if (raw.to_channels !== undefined && raw.to_channels !== null && !(Array.isArray(raw.to_channels) && raw.to_channels.every((entry) => typeof entry === "string"))) {
    throw fail("to_channels", "a list of strings");
  }
  const message: NotifyMessage = { channel_id: (raw.channel_id as string | undefined) ?? "", name: (raw.name as string | undefined) ?? "" };
  if (raw.to_meeting) message.to_meeting = raw.to_meeting as number;
  if (Array.isArray(raw.to_users) && raw.to_users.length > 0) message.to_users = raw.to_users as number[];
  if (Array.isArray(raw.to_channels) && raw.to_channels.length > 0) message.to_channels = raw.to_channels as string[];
  if (raw.message !== undefined) message.message = raw.message;
  return message;
}

export function isAddressedTo(message: NotifyMessage, listener: NotifyListener): boolean {
  if (message.to_meeting && message.to_meeting === listener.meetingId && listener.receivesMeetingBroadcasts) return true;
  if (message.to_users?.includes(listener.userId)) return true;
  return message.to_channels?.includes(listener.channelId) ?? false;
}

export class NotifyHub {
  readonly host = Array.from({ length: 8 }, () => HOST_ALPHABET[randomInt(HOST_ALPHABET.length)]).join("");
  private counter = 0;
  private readonly listeners = new Map<string, NotifyListener>();
  private subscription?: Subscription;

  constructor(
    private readonly bus: MessageBus,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): Promise<void> {
    this.subscription = this.bus.subscribe(NOTIFY_STREAM, FROM_NOW, (entries) => this.fanOut(entries), { onError: this.onError });
    return this.subscription.ready;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  newChannelId(userId: number): string {
    return `${this.host}:${userId}:${this.counter++}`;
  }

  /** Registers a listener; returns the function that removes it. */
  listen(listener: NotifyListener): () => void {
    this.listeners.set(listener.channelId, listener);
    return () => this.listeners.delete(listener.channelId);
  }

  async publish(senderUserId: number, message: NotifyMessage): Promise<void> {
    if (userIdOfChannel(message.channel_id) !== senderUserId) throw invalid(`invalid channel id \`${message.channel_id}\``);
    if (!message.name) throw invalid("notify message does not have required field `name`");
    await this.bus.publish(NOTIFY_STREAM, { content: JSON.stringify(message) }, { maxLength: NOTIFY_STREAM_MAX_LENGTH });
  }

  private fanOut(entries: StreamEntry[]): void {
    for (const entry of entries) {
      let message: NotifyMessage;
      try {
        message = JSON.parse(entry.fields.content ?? "") as NotifyMessage;
      } catch (error) {
        this.onError(error);
        continue;
      }
      const delivery: Delivery = {
        sender_user_id: userIdOfChannel(message.channel_id),
        sender_channel_id: message.channel_id,
        name: message.name,
        message: message.message ?? null,
      };
      for (const listener of this.listeners.values()) {
        if (isAddressedTo(message, listener)) listener.deliver(delivery);
      }
    }
  }

  close(): void {
    this.subscription?.close();
    this.listeners.clear();
  }
}
