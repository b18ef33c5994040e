// The live projectors (spec projector 4.3): one LiveProjector per projector with listeners,
// re-rendered from the in-memory state after changes (coalesced), and the events each listener
// gets: `settings` + `projector-replace` when the settings changed, `projection-updated` with the
// slides whose HTML changed, `projection-deleted` for projections gone, `deleted` when the
// projector is gone. The rendered HTML is shared by all listeners of a projector.
import type { LiveState, StateChange } from "../state/state.js";
import { projectorHtml, renderProjector, type RenderedProjector } from "./render.js";
import type { Model } from "./slides.js";

export interface ProjectorEvent {
  event: string;
  data: string;
}

export type ProjectorListener = (events: ProjectorEvent[]) => void;

/** Wait after a change before re-rendering, so that a burst of changes renders once. */
const RENDER_DELAY_MS = 20;

/** Records the models a rendering read: only their changes can change its output. */
class RecordingReader {
  readonly read = new Set<string>();

  constructor(private readonly state: LiveState) {}

  get(fqid: string): Model | undefined {
    this.read.add(fqid);
    return this.state.get(fqid);
  }
}

/** "collection/id" of a changed key "collection/id/field". */
function fqidOfKey(key: string): string {
  const second = key.indexOf("/", key.indexOf("/") + 1);
  return second < 0 ? key : key.slice(0, second);
}

class LiveProjector {
  readonly listeners = new Set<ProjectorListener>();
  /** The models the last rendering read. */
  dependencies: ReadonlySet<string> = new Set();
  private rendered: RenderedProjector | undefined;
  private settingsJson = "";
  private html: string | undefined;

  constructor(
    private readonly state: LiveState,
    readonly id: number,
    readonly language: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.rendered = this.render();
    this.settingsJson = this.rendered ? JSON.stringify(this.rendered.settings) : "";
  }

  private render(): RenderedProjector | undefined {
    const reader = new RecordingReader(this.state);
    const projector = reader.get(`projector/${this.id}`);
    const rendered = projector ? renderProjector(reader, projector, this.language, this.onError) : undefined;
    this.dependencies = reader.read;
    return rendered;
  }

  get exists(): boolean {
    return this.rendered !== undefined;
  }

  /** The complete projector HTML of the current rendering. */
  content(): string | undefined {
    if (!this.rendered) return undefined;
    this.html ??= projectorHtml(this.rendered);
    return this.html;
  }

  /** Re-renders and returns the events for the listeners (none when nothing visible changed). */
  update(): ProjectorEvent[] {
    const before = this.rendered;
    const after = this.render();
    if (!before && !after) return [];
    if (!after) {
      this.rendered = undefined;
      this.html = undefined;
      return [{ event: "deleted", data: "" }];
    }
    this.rendered = after;
    const settingsJson = JSON.stringify(after.settings);
    if (!before || settingsJson !== this.settingsJson) {
      this.settingsJson = settingsJson;
      this.html = undefined;
      return [
        { event: "settings", data: settingsJson },
        { event: "projector-replace", data: JSON.stringify(this.content()) },
      ];
    }
    const events: ProjectorEvent[] = [];
    const changed: Record<string, string> = {};
    for (const [projectionId, html] of after.slides) {
      if (before.slides.get(projectionId) !== html) changed[projectionId] = html;
    }
    const removed = [...before.slides.keys()].filter((projectionId) => !after.slides.has(projectionId));
    const order = (slides: Map<number, string>) => [...slides.keys()].join(",");
    const stillOrdered = order(new Map([...before.slides].filter(([projectionId]) => after.slides.has(projectionId)))) === order(new Map([...after.slides].filter(([projectionId]) => before.slides.has(projectionId))));
    if (!stillOrdered) {
      // A new order cannot be expressed by the slide events.
      this.html = undefined;
      return [{ event: "projector-replace", data: JSON.stringify(this.content()) }];
    }
    if (removed.length === 0 && Object.keys(changed).length === 0) return [];
    this.html = undefined;
    for (const projectionId of removed) events.push({ event: "projection-deleted", data: String(projectionId) });
    if (Object.keys(changed).length > 0) events.push({ event: "projection-updated", data: JSON.stringify(changed) });
    return events;
  }
}

export class ProjectorService {
  /** Per projector and language (key "<id>:<language>"). */
  private readonly live = new Map<string, LiveProjector>();
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly state: LiveState,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The current HTML of a projector (undefined: no such projector). */
  content(id: number, language: string): string | undefined {
    return this.live.get(`${id}:${language}`)?.content() ?? new LiveProjector(this.state, id, language, this.onError).content();
  }

  /** Adds a listener; returns undefined when the projector does not exist, else the unsubscribe function and the current content. */
  listen(id: number, language: string, listener: ProjectorListener): { content: string; close(): void } | undefined {
    const key = `${id}:${language}`;
    let live = this.live.get(key);
    if (!live) {
      live = new LiveProjector(this.state, id, language, this.onError);
      if (!live.exists) return undefined;
      this.live.set(key, live);
    }
    live.listeners.add(listener);
    this.unsubscribe ??= this.state.subscribe((change) => this.changed(change));
    const content = live.content()!;
    return {
      content,
      close: () => {
        live.listeners.delete(listener);
        if (live.listeners.size === 0 && this.live.get(key) === live) this.live.delete(key);
        if (this.live.size === 0) this.stop();
      },
    };
  }

  private readonly dirty = new Set<LiveProjector>();

  /** Marks the projectors whose last rendering read a changed model; renders them a moment later. */
  private changed(change: StateChange): void {
    const fqids = new Set<string>();
    for (const key of change.keys) fqids.add(fqidOfKey(key));
    for (const live of this.live.values()) {
      if (this.dirty.has(live)) continue;
      for (const fqid of fqids) {
        if (live.dependencies.has(fqid)) {
          this.dirty.add(live);
          break;
        }
      }
    }
    if (this.dirty.size === 0) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.renderDirty();
    }, RENDER_DELAY_MS);
  }

  private renderDirty(): void {
    const dirty = new Set(this.dirty);
    this.dirty.clear();
    for (const [key, live] of [...this.live]) {
      if (!dirty.has(live)) continue;
      let events: ProjectorEvent[];
      try {
        events = live.update();
      } catch (error) {
        this.onError(error);
        continue;
      }
      if (events.length === 0) continue;
      for (const listener of [...live.listeners]) listener(events);
      if (!live.exists && events.some((event) => event.event === "deleted")) this.live.delete(key);
    }
  }

  private stop(): void {
    this.dirty.clear();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  close(): void {
    this.stop();
    this.live.clear();
  }
}
