// Numbers chosen as "highest so far + 1" (the motion number) without races between concurrent
// requests: the first choice in a scope takes an advisory lock per (kind, meeting) until the
// commit, so concurrent requests queue instead of colliding on the unique index and retrying
// (src/db/numbering-lock.ts). Normally the database has the lock taken before the transaction's
// snapshot and the request's view is current; otherwise reads go to both sides: the request's
// own view (its snapshot, its writes and the overlay) and the committed state outside the snapshot.
import type { Filter, Reader } from "../../db/types.js";
import type { ActionContext } from "../framework/types.js";

export interface NumberingView {
  max(collection: string, filter: Filter, field: string): Promise<number | undefined>;
  exists(collection: string, filter: Filter): Promise<boolean>;
}

const numeric = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** Takes the lock (kind, meetingId) for the rest of the transaction; reads see every earlier holder's numbers. */
export async function lockNumbering(ctx: ActionContext, kind: string, meetingId: number): Promise<NumberingView> {
  const committed: Reader = await ctx.request.tx.lockNumbering(kind, meetingId);
  // Usually the lock was taken before the snapshot: the request's view is current.
  if (committed === ctx.request.tx) return ctx.db as NumberingView;
  return {
    async max(collection, filter, field) {
      const [own, latest] = await Promise.all([ctx.db.max(collection, filter, field), committed.max(collection, filter, field)]);
      const values = [numeric(own), numeric(latest)].filter((value): value is number => value !== undefined);
      return values.length > 0 ? Math.max(...values) : undefined;
    },
    async exists(collection, filter) {
      const [own, latest] = await Promise.all([ctx.db.exists(collection, filter), committed.exists(collection, filter)]);
      return own || latest;
    },
  };
}
