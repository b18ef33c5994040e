// The CSV import machinery shared by every <collection>.json_upload / <collection>.import pair
// (upstream mixins/import_mixins.py): header-driven conversion of the uploaded cells, the
// import_preview model that carries the preview rows from the upload to the import, statistics
// and the overall state, the Lookup of existing models by name and the row re-validation at import.
import { ActionError } from "../errors.js";
import type { Filter } from "../../db/types.js";
import type { ActionContext, Instance, JsonSchema } from "../framework/types.js";
import { nowTimestamp } from "./clock.js";

export const ImportState = {
  WARNING: "warning",
  NEW: "new",
  DONE: "done",
  GENERATED: "generated",
  REMOVE: "remove",
  ERROR: "error",
} as const;
export type ImportStateValue = (typeof ImportState)[keyof typeof ImportState];
const ALL_STATES = new Set<string>(Object.values(ImportState));

export interface ImportRow {
  state: string;
  data: Record<string, any>;
  messages: string[];
}

export interface HeaderEntry {
  property: string;
  type: string;
  is_object?: boolean;
  is_list?: boolean;
  is_hidden?: boolean;
}

export interface StatisticEntry {
  name: string;
  value: number;
}

const TRUE_VALUES = ["1", "true", "yes", "y", "t"];
const FALSE_VALUES = ["0", "false", "no", "n", "f"];

/** The common json_upload payload: `data` (at least one row object) plus extra top-level fields. */
export function jsonUploadSchema(rowSchema: JsonSchema, extraRequired: Record<string, JsonSchema> = {}, extraOptional: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    title: null,
    description: null,
    properties: {
      data: { type: "array", items: rowSchema, minItems: 1, uniqueItems: false },
      ...extraRequired,
      ...extraOptional,
    },
    required: ["data", ...Object.keys(extraRequired)],
    additionalProperties: false,
  };
}

/** The common import payload: the import_preview id and whether to import or abort. */
export const importSchema: JsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  title: null,
  description: null,
  properties: { id: { type: "integer", minimum: 1 }, import: { type: "boolean" } },
  required: ["id", "import"],
  additionalProperties: false,
};

/** Python's csv.reader on one line, items stripped (upstream's list cells: "a, b, \"c,d\""). */
export function splitCsvList(text: string): string[] {
  const items: string[] = [];
  let current = "";
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          current += '"';
          i++;
        } else quoted = false;
      } else current += char;
    } else if (char === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (char === ",") {
      items.push(current);
      current = "";
      atStart = true;
    } else {
      current += char;
      atStart = false;
    }
  }
  items.push(current);
  if (text === "") return [];
  return items.map((item) => item.trim());
}

function pythonIntParse(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string") return undefined;
  const text = value.trim().replace(/_/g, (match, offset: number, whole: string) => (/\d/.test(whole[offset - 1] ?? "") && /\d/.test(whole[offset + 1] ?? "") ? "" : "x"));
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  return Number.parseInt(text, 10);
}

function decimalString(value: unknown): string | undefined {
  let text: string;
  if (typeof value === "number") text = String(value);
  else if (typeof value === "string") text = value.trim();
  else return undefined;
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return undefined;
  const sign = match[1] === "-" ? "-" : "";
  const integer = (match[2] ?? "").replace(/^0+(?=\d)/, "") || "0";
  let fraction = match[3] ?? "";
  if (fraction.length < 6) fraction = fraction.padEnd(6, "0");
  return `${sign}${integer}.${fraction}`;
}

/** Epoch seconds of midnight of y-m-d in the given IANA time zone; undefined for a bad zone. */
function zonedMidnight(year: number, month: number, day: number, timeZone: string): number | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  } catch {
    return undefined;
  }
  const offsetAt = (epochMs: number): number => {
    const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
    const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    return asUtc - epochMs;
  };
  const guess = Date.UTC(year, month - 1, day);
  let result = guess - offsetAt(guess);
  result = guess - offsetAt(result);
  return Math.floor(result / 1000);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Upstream BaseJsonUploadAction.validate_instance's first half: drops every cell that is not a
 * header property and converts the rest by the header's type (list strings, decimal, integer,
 * boolean, date). Runs before the schema check, so it is called from the action's prefetch.
 */
export async function convertUploadCells(
  ctx: ActionContext,
  item: Instance,
  headers: readonly HeaderEntry[],
  options: { timezoneField?: string; meetingId?: number } = {},
): Promise<void> {
  if (!item || typeof item !== "object" || !Array.isArray(item.data)) return;
  const byProperty = new Map(headers.map((header) => [header.property, header]));
  for (const entry of item.data as unknown[]) {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) continue;
    const row = entry as Record<string, any>;
    for (const field of Object.keys(row)) {
      const header = byProperty.get(field);
      if (!header) {
        delete row[field];
        continue;
      }
      const type = header.type;
      const isList = header.is_list ?? false;
      const value = row[field];
      if (type === "string" && isList) {
        if (typeof value === "string") row[field] = splitCsvList(value);
      } else if (type === "string") {
        continue;
      } else if (type === "decimal") {
        const converted = decimalString(value);
        if (converted === undefined) {
          throw new ActionError(
            "Invalid format for column {{field}}: Got {{content}}; expected decimal number with point separation (e.g. 1.234567)",
            { field, content: value },
          );
        }
        row[field] = converted;
      } else if (type === "integer") {
        const converted = pythonIntParse(value);
        if (converted === undefined) {
          throw new ActionError("Invalid format for column {{field}}: Got {{content}}; expected integer (i.e. a natural number)", {
            field,
            content: value,
          });
        }
        row[field] = converted;
      } else if (type === "boolean") {
        const text = typeof value === "string" ? value.toLowerCase() : undefined;
        if (text !== undefined && TRUE_VALUES.includes(text)) row[field] = true;
        else if (text !== undefined && FALSE_VALUES.includes(text)) row[field] = false;
        else {
          throw new ActionError("Invalid format for column {{field}}: Got {{content}}; expected boolean (e.g. '1' for yes, '0' for no)", {
            field,
            content: value,
          });
        }
      } else if (type === "date") {
        const zone = await timeZoneFor(ctx, row, options);
        const parts = typeof value === "string" ? value.split("-") : [];
        const numbers = parts.map((part) => pythonIntParse(part));
        const valid =
          parts.length === 3 &&
          numbers.every((n) => n !== undefined) &&
          numbers[1]! >= 1 &&
          numbers[1]! <= 12 &&
          numbers[2]! >= 1 &&
          numbers[2]! <= new Date(Date.UTC(numbers[0]!, numbers[1]!, 0)).getUTCDate() &&
          numbers[0]! >= 1;
        const seconds = valid ? zonedMidnight(numbers[0]!, numbers[1]!, numbers[2]!, zone) : undefined;
        if (seconds === undefined) {
          throw new ActionError("Invalid date for column {{field}}: Got {{content}}; expected format YYYY-MM-DD", { field, content: value });
        }
        row[field] = seconds;
      } else {
        throw new ActionError(
          `For column ${field}: Unknown type in conversion: type:${type} is_object:${header.is_object === undefined ? "None" : header.is_object ? "True" : "False"} is_list:${isList ? "True" : "False"}`,
        );
      }
    }
  }
}

async function timeZoneFor(ctx: ActionContext, row: Record<string, any>, options: { timezoneField?: string; meetingId?: number }): Promise<string> {
  const own = options.timezoneField ? row[options.timezoneField] : undefined;
  const organizationZone = async () =>
    ((await ctx.db.get("organization/1", ["time_zone"], { optional: true })).time_zone as string | undefined) || "UTC";
  let zone: string | undefined = typeof own === "string" && own ? own : undefined;
  if (!zone && options.meetingId !== undefined) {
    zone = (await ctx.db.get(`meeting/${options.meetingId}`, ["time_zone"], { optional: true })).time_zone as string | undefined;
  }
  if (!zone) zone = await organizationZone();
  if (isValidTimeZone(zone)) return zone;
  if (zone === own) return organizationZone();
  throw new ActionError(`Invalid timezone format: '${zone}' (expected valid timezone name)`);
}

/** `Import tries to use non-existent meeting <id>` (end of upstream validate_instance). */
export async function assertImportMeetingExists(ctx: ActionContext, meetingId: unknown): Promise<void> {
  if (meetingId === undefined) return;
  const meeting = await ctx.db.get(`meeting/${Number(meetingId)}`, ["id"], { optional: true });
  if (!meeting.id) throw new ActionError(`Import tries to use non-existent meeting ${String(meetingId)}`);
}

export function countWarnings(values: unknown): number {
  let count = 0;
  for (const col of Array.isArray(values) ? values : Object.values((values ?? {}) as object)) {
    if (Array.isArray(col)) count += countWarnings(col);
    else if (col && typeof col === "object" && (col as Record<string, unknown>).info === ImportState.WARNING) count++;
  }
  return count;
}

export function stateFromCounts(errors: number, warnings: number): ImportStateValue {
  return errors > 0 ? ImportState.ERROR : warnings > 0 ? ImportState.WARNING : ImportState.DONE;
}

/** Default statistics (total/created/updated/error/warning) and the overall state; drops payload_index. */
export function generateStatistics(rows: ImportRow[]): { statistics: StatisticEntry[]; state: ImportStateValue } {
  const counts: Record<string, number> = {};
  const add = (state: string) => (counts[state] = (counts[state] ?? 0) + 1);
  for (const row of rows) {
    add(row.state);
    if (countWarnings(Object.values(row.data ?? {}))) add(ImportState.WARNING);
    delete row.data.payload_index;
  }
  const statistics = [
    { name: "total", value: rows.length },
    { name: "created", value: counts[ImportState.NEW] ?? 0 },
    { name: "updated", value: counts[ImportState.DONE] ?? 0 },
    { name: "error", value: counts[ImportState.ERROR] ?? 0 },
    { name: "warning", value: counts[ImportState.WARNING] ?? 0 },
  ];
  return { statistics, state: stateFromCounts(counts[ImportState.ERROR] ?? 0, counts[ImportState.WARNING] ?? 0) };
}

export interface JsonUploadResult {
  id: number;
  headers: HeaderEntry[];
  rows: ImportRow[];
  statistics: StatisticEntry[];
  state: string;
}

/** Writes the import_preview model (name, state, result {rows, meeting_id?}, created) and returns its id. */
export async function storeImportPreview(
  ctx: ActionContext,
  name: string,
  rows: ImportRow[],
  state: string,
  meetingId?: number,
): Promise<number> {
  const [id] = await ctx.reserveIds("import_preview", 1);
  const result: Record<string, unknown> = { rows: structuredClone(rows) };
  if (meetingId !== undefined) result.meeting_id = meetingId;
  ctx.emit({
    type: "create",
    fqid: `import_preview/${id}`,
    fields: { id, name, result, created: nowTimestamp(), state },
  });
  return id!;
}

export interface StoredImport {
  result: Record<string, any>;
  rows: ImportRow[];
}

/** Upstream BaseImportAction.prefetch: the preview must be of this import and not in error. */
export async function loadImportPreview(ctx: ActionContext, id: number, importName: string): Promise<StoredImport> {
  const preview = await ctx.db.get(`import_preview/${id}`, ["result", "state", "name"]);
  if (preview.name !== importName) throw new ActionError(`Wrong id doesn't point on ${importName} import data.`);
  if (!ALL_STATES.has(String(preview.state))) throw new ActionError("Error in import: Missing valid state in stored import_preview.");
  if (preview.state === ImportState.ERROR) throw new ActionError("Error in import. Data will not be imported.");
  const result = structuredClone((preview.result ?? {}) as Record<string, any>);
  return { result, rows: (result.rows ?? []) as ImportRow[] };
}

/** The delete event of a consumed preview (upstream on_success). */
export function deleteImportPreview(ctx: ActionContext, id: number): void {
  ctx.emit({ type: "delete", fqid: `import_preview/${id}` });
}

export function valueOfCell(field: unknown): string | undefined {
  if (field && typeof field === "object" && !Array.isArray(field)) return ((field as Record<string, unknown>).value as string) ?? "";
  if (typeof field === "string") return field;
  return undefined;
}

/**
 * Deep copies of the rows with every {value, info, id?} object flattened: lists to ids (or values),
 * single objects to their value. The response keeps the unflattened rows.
 */
export function flattenRows(rows: ImportRow[], hook?: (entry: Record<string, any>) => Record<string, any>): ImportRow[] {
  const copies = structuredClone(rows);
  for (const row of copies) {
    let entry = row.data;
    if (hook) {
      entry = hook(entry);
      row.data = entry;
    }
    for (const [key, value] of Object.entries(entry)) {
      if (Array.isArray(value)) {
        entry[key] = value.map((obj) => (obj && typeof obj === "object" ? ("id" in obj ? obj.id : obj.value) : obj));
      } else if (value && typeof value === "object") {
        entry[key] = (value as Record<string, unknown>).value;
      }
    }
  }
  return copies;
}

export type SearchKey = string | readonly string[];
const keyOf = (key: SearchKey): string => (typeof key === "string" ? key : JSON.stringify(key));

export const LookupResult = { FOUND_ID: 1, FOUND_MORE_IDS: 2, NOT_FOUND: 3, NOT_FOUND_ANYMORE: 4 } as const;
export type LookupResultValue = (typeof LookupResult)[keyof typeof LookupResult];

/**
 * Upstream Lookup: the existing models (by a name field or a tuple of fields) merged with the
 * uploaded entries, to tell new, existing and duplicated names apart.
 */
export class Lookup {
  readonly nameToIds = new Map<string, Record<string, any>[]>();
  readonly idToName = new Map<number, SearchKey[]>();

  private constructor(readonly field: SearchKey) {}

  static async create(
    ctx: ActionContext,
    collection: string,
    nameEntries: Array<[SearchKey, Record<string, any>]>,
    field: SearchKey = "name",
    mappedFields: string[] = [],
    globalAndFilter?: Filter,
  ): Promise<Lookup> {
    const lookup = new Lookup(field);
    // As upstream: the first entry of a name starts an empty list, later ones are kept as duplicates.
    for (const [name, entry] of nameEntries) {
      const values = lookup.nameToIds.get(keyOf(name));
      if (values) values.push(entry);
      else lookup.nameToIds.set(keyOf(name), []);
    }
    const fields = [...mappedFields];
    if (!fields.includes("id")) fields.push("id");
    let orFilters: Filter[] = [];
    if (typeof field === "string") {
      if (!fields.includes(field)) fields.push(field);
      orFilters = nameEntries.map(([name]) => ({ field, operator: "=", value: name }) as Filter);
    } else {
      fields.push(...field.filter((f) => !fields.includes(f)));
      orFilters = nameEntries.map(([name]) => ({
        and_filter: field.map((f, i) => ({ field: f, operator: "=", value: (name as readonly string[])[i] }) as Filter),
      }));
    }
    if (orFilters.length > 0) {
      const orFilter: Filter = { or_filter: orFilters };
      const filter: Filter = globalAndFilter ? { and_filter: [globalAndFilter, orFilter] } : orFilter;
      const found = await ctx.db.filter(collection, filter, fields);
      for (const entry of [...found.values()].sort((a, b) => Number(a.id) - Number(b.id))) lookup.addItem({ ...entry });
    }
    for (const [name, entry] of nameEntries) {
      const values = lookup.nameToIds.get(keyOf(name))!;
      if (values.length > 0) {
        if (!values[0]!.id) values.push(entry);
      } else {
        if (typeof field === "string") {
          const obj = entry[field];
          if (obj && typeof obj === "object" && obj.id) obj.info = ImportState.ERROR;
        }
        values.push(entry);
      }
    }
    return lookup;
  }

  checkDuplicate(name: SearchKey): LookupResultValue {
    const values = this.nameToIds.get(keyOf(name)) ?? [];
    if (values.length === 1) {
      const entry = values[0]!;
      if (entry.id) {
        if (typeof this.field === "string") {
          const obj = entry[this.field];
          if (obj && typeof obj === "object" && obj.info === ImportState.ERROR) return LookupResult.NOT_FOUND_ANYMORE;
        }
        return LookupResult.FOUND_ID;
      }
      return LookupResult.NOT_FOUND;
    }
    if (values.length > 1) return LookupResult.FOUND_MORE_IDS;
    throw new ActionError("Logical Error in Lookup Class");
  }

  getFieldByName(name: SearchKey, fieldName: string): any {
    const values = this.nameToIds.get(keyOf(name)) ?? [];
    return values.length === 1 ? values[0]![fieldName] : undefined;
  }

  addItem(entry: Record<string, any>): void {
    let key: SearchKey;
    if (typeof this.field === "string") {
      const raw = entry[this.field];
      key = raw && typeof raw === "object" ? raw.value : raw;
    } else {
      key = this.field.map((f) => (entry[f] ?? "") as string);
    }
    const values = this.nameToIds.get(keyOf(key)) ?? [];
    this.nameToIds.set(keyOf(key), values);
    const id = entry.id as number | undefined;
    if (id) {
      const names = this.idToName.get(id) ?? [];
      names.push(key);
      this.idToName.set(id, names);
      values.unshift(entry);
    } else values.push(entry);
  }
}

/** Upstream BaseImportAction.validate_with_lookup: re-checks a row's name against the current models. */
export function validateWithLookup(
  importName: string,
  row: ImportRow,
  lookup: Lookup,
  field = "name",
  required = true,
  expectedId?: number,
): number | undefined {
  const entry = row.data;
  const value = valueOfCell(entry[field]);
  if (!value) {
    if (required) throw new ActionError(`Invalid JsonUpload data: The data from json upload must contain a valid ${field} object`);
    return undefined;
  }
  const check = lookup.checkDuplicate(value);
  const id = lookup.getFieldByName(value, "id") as number | undefined;
  let error: string | undefined;
  if (check === LookupResult.FOUND_ID && id !== 0) {
    if (required) {
      if (row.state !== ImportState.DONE) error = `Error: row state expected to be '${ImportState.DONE}', but it is '${row.state}'.`;
      else if (!("id" in entry)) throw new ActionError(`Invalid JsonUpload data: A data row with state '${ImportState.DONE}' must have an 'id'`);
    }
    if (!error) {
      const expected = required ? entry.id : expectedId;
      if (id !== expected) error = `Error: ${field} '${value}' found in different id (${id} instead of ${pyStr(expected)})`;
    }
  } else if (check === LookupResult.FOUND_MORE_IDS) {
    error = `Error: ${field} '${value}' is duplicated in import.`;
  } else if (check === LookupResult.NOT_FOUND_ANYMORE) {
    error = required
      ? `Error: ${importName} ${entry[field].id} not found anymore for updating ${importName} '${value}'.`
      : `Error: ${field} '${value}' not found anymore in ${importName} with id '${pyStr(id)}'`;
  }
  if (error) {
    row.messages.push(error);
    entry[field].info = ImportState.ERROR;
    row.state = ImportState.ERROR;
  }
  return id;
}

/** Upstream validate_field: warns about referenced models that were renamed or deleted since the upload. */
export function validateReferenceField(row: ImportRow, nameMap: Map<number, string>, field: string, isList = true): boolean {
  let valid = false;
  const value = row.data[field];
  if (value) {
    for (const obj of isList ? (value as Record<string, any>[]) : [value as Record<string, any>]) {
      const id = obj.id as number | undefined;
      if (!id) continue;
      if (nameMap.has(id)) {
        if (nameMap.get(id) === obj.value) valid = true;
        else {
          obj.info = ImportState.WARNING;
          row.messages.push(`Expected model '${id} ${obj.value}' changed its name to '${nameMap.get(id)}'.`);
        }
      } else {
        obj.info = ImportState.WARNING;
        row.messages.push(`Model '${id} ${obj.value}' doesn't exist anymore`);
      }
    }
  }
  return valid;
}

/** Python str() of a scalar as upstream's f-strings print it. */
export function pyStr(value: unknown): string {
  if (value === undefined || value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  return String(value);
}

/**
 * Upstream's SingularActionMixin checks the payload before anything else; the framework's
 * singular check runs only after validation and permissions, so the import prefetches call this.
 */
export function assertSingularData(data: readonly unknown[]): void {
  if (data.length < 1) throw new ActionError("data must contain at least 1 items");
  if (data.length > 1) throw new ActionError("data must contain less than or equal to 1 items");
}
