// Values of calculated fields (poll/live_votes from the vote service, projection/content from
// the projector): they have no column, so the database never delivers them; their providers
// push them into the state through a handle. Kept apart from the stored models so that a value
// may arrive before the state has seen its model.
import { deepFreeze, sameValue } from "./values.js";

export class CalculatedValues {
  /** "collection/field" -> id -> value */
  private readonly values = new Map<string, Map<number, unknown>>();

  register(collection: string, field: string): void {
    const name = `${collection}/${field}`;
    if (this.values.has(name)) throw new Error(`calculated field ${name} is already registered`);
    this.values.set(name, new Map());
  }

  isRegistered(collection: string, field: string): boolean {
    return this.values.has(`${collection}/${field}`);
  }

  get(collection: string, id: number, field: string): unknown {
    return this.values.get(`${collection}/${field}`)?.get(id);
  }

  /** Sets (undefined/null: removes) a value; returns whether it changed. */
  set(collection: string, id: number, field: string, value: unknown): boolean {
    const byId = this.values.get(`${collection}/${field}`);
    if (!byId) throw new Error(`calculated field ${collection}/${field} is not registered`);
    const next = value ?? undefined;
    if (sameValue(byId.get(id), next)) return false;
    if (next === undefined) byId.delete(id);
    else byId.set(id, deepFreeze(next));
    return true;
  }

  /** Fields of the collection with a value for this id. */
  fieldsWithValue(collection: string, id: number): string[] {
    const fields: string[] = [];
    for (const [name, byId] of this.values) {
      const [owner, field] = name.split("/") as [string, string];
      if (owner === collection && byId.has(id)) fields.push(field);
    }
    return fields;
  }

  /** Drops every value of the model (it was deleted); returns the fields that had one. */
  dropModel(collection: string, id: number): string[] {
    const fields = this.fieldsWithValue(collection, id);
    for (const field of fields) this.values.get(`${collection}/${field}`)!.delete(id);
    return fields;
  }
}
