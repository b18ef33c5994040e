// Which files a user may download (spec media 3.3 step 2): upstream asks the autoupdate's
// restricter; here the same restricter runs in-process on data read from the database. The
// restricter reads synchronously, so it runs against a cache: a read of something not cached yet
// stops the run, the missing models are fetched in one go and the run starts again.
import type { Database, Model } from "../db/types.js";
import { createRestricter, type StateReader } from "../autoupdate/restrict/index.js";

class NotCached extends Error {}

class CachedReader implements StateReader {
  readonly models = new Map<string, Model | null>();
  readonly idLists = new Map<string, number[]>();
  readonly missingModels = new Set<string>();
  readonly missingIds = new Set<string>();

  private model(collection: string, id: number): Model | null {
    const fqid = `${collection}/${id}`;
    const model = this.models.get(fqid);
    if (model === undefined) {
      this.missingModels.add(fqid);
      throw new NotCached();
    }
    return model;
  }

  getField(collection: string, id: number, field: string): unknown {
    return this.model(collection, id)?.[field];
  }

  exists(collection: string, id: number): boolean {
    return this.model(collection, id) !== null;
  }

  ids(collection: string): readonly number[] {
    const ids = this.idLists.get(collection);
    if (!ids) {
      this.missingIds.add(collection);
      throw new NotCached();
    }
    return ids;
  }

  async fetchMissing(db: Database): Promise<void> {
    await Promise.all([
      ...[...this.missingModels].map(async (fqid) => {
        const model = fqid.endsWith("/NaN") ? undefined : await db.get(fqid);
        this.models.set(fqid, model ?? null);
      }),
      ...[...this.missingIds].map(async (collection) => {
        const models = await db.filter(collection, undefined, ["id"]);
        this.idLists.set(collection, [...models.keys()].sort((a, b) => a - b));
      }),
    ]);
    this.missingModels.clear();
    this.missingIds.clear();
  }
}

const MAX_ROUNDS = 100;

/** The visible values of the keys ("collection/id/field") for the user. */
export async function restrictedValues(db: Database, userId: number, keys: string[]): Promise<Map<string, unknown>> {
  const reader = new CachedReader();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    try {
      return createRestricter(reader, userId).restrict(keys);
    } catch (error) {
      if (!(error instanceof NotCached)) throw error;
      await reader.fetchMissing(db);
    }
  }
  throw new Error("the restricter needed too many reads");
}
