// Reads of the stored state, remembered for the rest of the request. An action request runs in one
// REPEATABLE READ transaction and writes only after its actions ran (or, for handle_separately,
// after each element, when the overlay and this cache are reset), so a stored value read once
// cannot change underneath it. The first read of a model fetches every column of its table along
// with the fields asked for: the many small reads of one model by different rules (permissions,
// defaults, relation checks) then cost one query.
import type { Model, Reader, ReadOptions } from "../../db/types.js";
import { STORAGE } from "../../meta/generated/storage.js";
import { fqidOf } from "./fqid.js";

interface Remembered {
  /** Undefined: the model does not exist. */
  model: Model | undefined;
  /** Fields whose value (or absence) is known. */
  known: Set<string>;
}

const tableColumns = new Map<string, string[]>();

function columnsOf(collection: string): string[] {
  let columns = tableColumns.get(collection);
  if (!columns) {
    const fields = STORAGE[collection]?.fields ?? {};
    columns = Object.entries(fields)
      .filter(([name, storage]) => (storage.kind === "column" || storage.kind === "generic") && storage.column === name)
      .map(([name]) => name);
    tableColumns.set(collection, columns);
  }
  return columns;
}

export class StoredReads {
  private readonly remembered = new Map<string, Remembered>();

  constructor(private readonly stored: Reader) {}

  reset(): void {
    this.remembered.clear();
  }

  /**
   * First reads of several models in one statement, as getMany would make them one by one (every
   * column of the table, plus the given fields). Models read before are left out.
   */
  async prefetch(reads: ReadonlyArray<{ collection: string; id: number; fields?: readonly string[] }>): Promise<void> {
    const planned = reads
      .filter((read) => !this.remembered.has(fqidOf(read.collection, read.id)))
      .map((read) => ({ collection: read.collection, ids: [read.id], fields: [...new Set([...columnsOf(read.collection), ...(read.fields ?? [])])] }));
    if (planned.length < 2) return;
    const read = await this.stored.getManyOfCollections(planned);
    for (const { collection, ids, fields } of planned) {
      const model = read.get(collection)?.get(ids[0]!);
      this.remembered.set(fqidOf(collection, ids[0]!), { model, known: new Set(fields) });
    }
  }

  /** The stored models (only the fields asked for; all fields when `fields` is undefined). */
  async getMany(collection: string, ids: readonly number[], fields: string[] | undefined, options: ReadOptions = {}): Promise<Map<number, Model>> {
    const result = new Map<number, Model>();
    const toRead: number[] = [];
    const wanted = new Set<string>();
    let firstRead = false;
    for (const id of new Set(ids)) {
      const entry = this.remembered.get(fqidOf(collection, id));
      if (!entry) firstRead = true;
      const missing = !entry ? fields : fields ? fields.filter((field) => !entry.known.has(field)) : undefined;
      if (entry && !options.lock && fields && missing!.length === 0) {
        if (entry.model) result.set(id, entry.model);
        continue;
      }
      toRead.push(id);
      for (const field of missing ?? []) wanted.add(field);
      if (!fields) wanted.add("*");
    }
    if (toRead.length === 0) return result;
    const readAll = wanted.has("*");
    const readFields = readAll ? undefined : [...new Set([...wanted, ...(firstRead ? columnsOf(collection) : [])])];
    const read = await this.stored.getMany(collection, toRead, readFields, options);
    const knownNow = readAll ? undefined : readFields!;
    for (const id of toRead) {
      const fqid = fqidOf(collection, id);
      const model = read.get(id);
      const entry = this.remembered.get(fqid) ?? { model: undefined, known: new Set<string>() };
      entry.model = model ? { ...(entry.model ?? {}), ...model } : undefined;
      if (model && knownNow) for (const field of knownNow) if (!(field in model)) delete entry.model![field];
      if (knownNow) for (const field of knownNow) entry.known.add(field);
      else for (const field of Object.keys(STORAGE[collection]?.fields ?? {})) entry.known.add(field);
      this.remembered.set(fqid, entry);
      if (entry.model) result.set(id, entry.model);
    }
    return result;
  }
}
