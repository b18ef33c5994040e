// What a presenter is: a named, read-only computation over the database for one user.
import type { Database } from "../db/types.js";
import type { JsonSchema } from "../action/framework/types.js";

export interface PresenterContext {
  db: Database;
  /** The requesting user; 0 for anonymous. */
  userId: number;
  data: Record<string, unknown>;
}

export interface Presenter {
  name: string;
  /** JSON schema of `data`; every upstream presenter declares one. */
  schema: JsonSchema;
  run(context: PresenterContext): Promise<unknown>;
}
