// The search service's core: the text index over the autoupdate's in-memory state, and the
// answer of one question for one user. Upstream searches its bleve index and then asks the
// autoupdate restricter (POST /internal/autoupdate?user_id=…&single=1) for the hits' fields;
// here the same restricter runs in-process against the same state (spec search 5.3).
import type { LiveState } from "../state/state.js";
import { createRestricter, restrictedSource } from "../autoupdate/restrict/index.js";
import { expandKeys, type KeyRequest } from "../autoupdate/keys-builder/index.js";
import { loadSearchModels, type SearchModels } from "./search-models.js";
import { TextIndex } from "./text-index.js";

/** Models indexed between two turns of the event loop while the index is built. */
const BUILD_SLICE = 500;

export interface SearchResultEntry {
  content: Record<string, unknown>;
  matched_by?: Record<string, string[]>;
  score?: number;
}

export class SearchService {
  readonly models: SearchModels;
  private building?: Promise<TextIndex>;
  private readonly dirty = new Set<string>();
  private unsubscribe?: () => void;

  constructor(
    private readonly state: () => Promise<LiveState>,
    models: SearchModels = loadSearchModels(),
  ) {
    this.models = models;
  }

  /** Requested collections → the collections searched (each with the ones that contain it); empty: all. */
  collectionsFor(requested: readonly string[]): string[] {
    const result = new Set<string>();
    for (const name of requested) for (const related of this.models.containment.get(name) ?? []) result.add(related);
    return [...result];
  }

  /** The index, built once (in slices, see `build`) and then kept current from the state's changes. */
  private async currentIndex(state: LiveState): Promise<TextIndex> {
    this.building ??= this.build(state).catch((error: unknown) => {
      // A failed build is tried again by the next search.
      this.unsubscribe?.();
      this.building = undefined;
      throw error;
    });
    const index = await this.building;
    await state.settled();
    // From here on synchronous up to the answer: the index matches the state's current version.
    for (const fqid of this.dirty) index.update(state, fqid);
    this.dirty.clear();
    return index;
  }

  /** Starts building the index in the background (at start, like upstream). */
  warm(): void {
    void this.state()
      .then((state) => this.currentIndex(state))
      .catch(() => undefined);
  }

  /**
   * Builds the index without blocking the process for long: models are indexed in slices with a
   * turn of the event loop between them. Changes during the build are recorded from the start and
   * applied before the first search.
   */
  private async build(state: LiveState): Promise<TextIndex> {
    const index = new TextIndex(this.models);
    this.unsubscribe = state.subscribe((change) => {
      for (const key of change.keys) {
        const second = key.indexOf("/", key.indexOf("/") + 1);
        const fqid = second < 0 ? key : key.slice(0, second);
        if (index.isIndexed(fqid.slice(0, fqid.indexOf("/")))) this.dirty.add(fqid);
      }
    });
    for (const collection of this.models.collections.keys()) {
      const ids = [...state.ids(collection)];
      for (let start = 0; start < ids.length; start += BUILD_SLICE) {
        for (const id of ids.slice(start, start + BUILD_SLICE)) index.update(state, `${collection}/${id}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return index;
  }

  /** The answer for the user: every visible hit and related object, keyed by fqid, keys sorted. */
  async search(userId: number, question: string, requestedCollections: readonly string[], meetingId: number): Promise<Record<string, SearchResultEntry>> {
    const state = await this.state();
    const index = await this.currentIndex(state);
    // Nothing may wait between the search and the restriction: both see one state version.
    const hits = index.search(question, this.collectionsFor(requestedCollections), meetingId);
    if (hits.size === 0) return {};
    if (userId > 0 && !state.exists("user", userId)) return {};
    const requests: KeyRequest[] = [];
    const byCollection = new Map<string, number[]>();
    for (const fqid of hits.keys()) {
      const [collection, id] = fqid.split("/");
      const description = this.models.collections.get(collection!);
      if (!description) continue;
      let ids = byCollection.get(collection!);
      if (!ids) {
        byCollection.set(collection!, (ids = []));
        requests.push({ collection: collection!, ids, fields: description.requestFields });
      }
      ids.push(Number(id));
    }
    const restricter = createRestricter(state, userId);
    const expansion = expandKeys(requests, restrictedSource(restricter));
    const values = restricter.restrict(expansion.keys);
    const entries = new Map<string, SearchResultEntry>();
    for (const [key, value] of values) {
      const second = key.indexOf("/", key.indexOf("/") + 1);
      const fqid = key.slice(0, second);
      let entry = entries.get(fqid);
      if (!entry) {
        entry = { content: {} };
        const hit = hits.get(fqid);
        if (hit) {
          // Upstream omits an empty matched_by (omitempty); the score is always there.
          if (Object.keys(hit.matchedBy).length > 0) entry.matched_by = hit.matchedBy;
          entry.score = hit.score;
        }
        entries.set(fqid, entry);
      }
      entry.content[key.slice(second + 1)] = value;
    }
    // Sorted keys, as upstream's JSON encoder writes maps.
    const result: Record<string, SearchResultEntry> = {};
    for (const fqid of [...entries.keys()].sort()) {
      const entry = entries.get(fqid)!;
      const content: Record<string, unknown> = {};
      for (const field of Object.keys(entry.content).sort()) content[field] = entry.content[field];
      result[fqid] = { content, ...(entry.matched_by ? { matched_by: entry.matched_by } : {}), ...(entry.score !== undefined ? { score: entry.score } : {}) };
    }
    return result;
  }

  close(): void {
    this.unsubscribe?.();
  }
}
