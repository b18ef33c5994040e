// Parses and validates key requests (spec autoupdate-and-streaming.md 3.1 and 3.3) with the
// upstream messages and the upstream order of checks. Upstream decodes with Go's encoding/json,
// and two of its habits decide which error a client sees when several things are wrong:
//  * a value of the wrong JSON type is remembered and reported only after the enclosing object
//    was read to its end (the first such mismatch wins), while
//  * an error found while reading a field descriptor stops reading at once.
// Object attributes are matched case-insensitively (exact spelling first), later duplicates win.
import { collectionFieldExists } from "./collection-fields.js";
import { insideField, invalidRequest, KeyRequestError } from "./errors.js";
import { JsonIncompleteError, JsonSyntaxError, JsonTooManyNumbersError, readFirstJsonValue, type JsonNode } from "./json-reader.js";
import type { FieldDescriptor, FieldMap, KeyRequest } from "./request.js";

/**
 * The key requests of a request body (a JSON list). An empty body is no request at all; `[]`
 * and `null` are an error.
 */
export function parseKeyRequests(body: string | Uint8Array, maxIds = Infinity): readonly KeyRequest[] {
  const text = typeof body === "string" ? body : body.length <= MAX_REMEMBERED_BODY ? Buffer.from(body.buffer, body.byteOffset, body.length).toString("latin1") : undefined;
  const known = text === undefined ? undefined : rememberedRequests.get(text);
  if (known) return known;
  const requests = parseFresh(body, maxIds);
  if (text !== undefined && text.length <= MAX_REMEMBERED_BODY) {
    if (rememberedRequests.size >= MAX_REMEMBERED) rememberedRequests.delete(rememberedRequests.keys().next().value!);
    rememberedRequests.set(text, requests);
  }
  return requests;
}

/**
 * Parsed bodies by their text (bytes as latin1: one character per byte). Many clients send the
 * same request (every delegate's agenda, motion list, ...); a burst of 2,000 streams parses it
 * once. The parsed requests are read-only, so they are shared.
 */
const rememberedRequests = new Map<string, readonly KeyRequest[]>();
const MAX_REMEMBERED = 256;
const MAX_REMEMBERED_BODY = 64 * 1024;

/** A body with more ids than allowed (ids are the only numbers of a valid body, so its numbers are counted). */
export class TooManyIdsError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} ids`);
  }
}

function parseFresh(body: string | Uint8Array, maxIds: number): KeyRequest[] {
  const root = readBody(body, maxIds);
  if (root === undefined) return [];
  try {
    if (root.kind === "null") throw invalidRequest("No data");
    if (root.kind !== "array") throw new TypeMismatch(goValueName(root), "list");
    if (root.items.length === 0) throw invalidRequest("No data");
    return root.items.map(decodeRequest);
  } catch (error) {
    if (error instanceof TypeMismatch) throw invalidRequest(error.describe());
    throw error;
  }
}

/**
 * Requests for plain keys `collection/id/field` (the `k` query parameter); no relation following.
 * Empty entries are skipped. Unlike upstream (an internal error) a malformed or unknown key is
 * reported as a bad request.
 */
export function requestsFromKeys(keys: readonly string[]): KeyRequest[] {
  const requests: KeyRequest[] = [];
  for (const key of keys) {
    if (key === "") continue;
    const [collection = "", rawId = "", field = "", ...rest] = key.split("/");
    const id = /^[1-9][0-9]{0,15}$/.test(rawId) ? Number(rawId) : 0;
    if (rest.length > 0 || id === 0 || !Number.isSafeInteger(id) || !collectionFieldExists(collection, field)) {
      throw invalidRequest(`invalid key: ${key}`);
    }
    requests.push({ ids: [id], collection, fields: new Map([[field, null]]) });
  }
  return requests;
}

function readBody(body: string | Uint8Array, maxIds: number): JsonNode | undefined {
  try {
    return readFirstJsonValue(body, maxIds);
  } catch (error) {
    if (error instanceof JsonTooManyNumbersError) throw new TooManyIdsError(error.limit);
    if (error instanceof JsonIncompleteError) throw invalidRequest("Body is not complete");
    if (error instanceof JsonSyntaxError) throw new KeyRequestError("JsonError", error.message);
    if (error instanceof RangeError) throw new KeyRequestError("JsonError", "exceeded max depth");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Type mismatches (Go: UnmarshalTypeError), reported as `wrong type at field ...`

class TypeMismatch extends Error {
  constructor(
    /** What was given, as Go names it: object, array, string, number, "number 1.5", bool. */
    readonly given: string,
    readonly expected: "object" | "list" | "number" | "string",
    /** JSON attribute names from the top of one request object down to the value. */
    readonly path: readonly string[] = [],
  ) {
    super(`wrong type`);
  }
  below(attribute: string): TypeMismatch {
    return new TypeMismatch(this.given, this.expected, [attribute, ...this.path]);
  }
  describe(): string {
    return `wrong type at field \`${this.path.join(".")}\`. Got ${this.given}, expected ${this.expected}`;
  }
}

function goValueName(node: JsonNode): string {
  return node.kind;
}

/** Remembers the first mismatch of one object; reported after the object was read to its end. */
class MismatchLog {
  first: TypeMismatch | undefined;
  note(mismatch: TypeMismatch): void {
    this.first ??= mismatch;
  }
  throwIfAny(): void {
    if (this.first) throw this.first;
  }
}

/** The object's entries whose key names one of `names` (exact spelling preferred over case-folded). */
function attributes<Name extends string>(node: JsonNode & { kind: "object" }, names: readonly Name[]): Array<[Name, JsonNode]> {
  const result: Array<[Name, JsonNode]> = [];
  for (const [key, value] of node.entries) {
    const name = names.find((candidate) => candidate === key) ?? names.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (name !== undefined) result.push([name, value]);
  }
  return result;
}

/** Reads a field map attribute; errors from inside come out with the attribute in their path. */
function fieldsAttribute(value: JsonNode): Map<string, FieldDescriptor> {
  try {
    return decodeFieldMap(value);
  } catch (error) {
    if (error instanceof TypeMismatch) throw error.below("fields");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// One request object

function decodeRequest(node: JsonNode): KeyRequest {
  if (node.kind !== "object" && node.kind !== "null") throw new TypeMismatch(goValueName(node), "object");
  let ids: number[] = [];
  let collection = "";
  let fields: Map<string, FieldDescriptor> | undefined;
  const mismatches = new MismatchLog();
  if (node.kind === "object") {
    for (const [name, value] of attributes(node, ["ids", "collection", "fields"] as const)) {
      if (name === "ids") ids = decodeIds(value, mismatches);
      else if (name === "collection") collection = decodeString(value, mismatches, "collection") ?? collection;
      else fields = fieldsAttribute(value);
    }
  }
  mismatches.throwIfAny();

  if (ids.length === 0) throw invalidRequest("no ids");
  if (ids.some((id) => id <= 0)) throw invalidRequest("id has to be a positive number");
  if (collection === "") throw invalidRequest("attribute collection is missing");
  if (fields === undefined) throw invalidRequest("attribte fields is missing");
  checkFieldsExist(collection, fields);
  return { ids, collection, fields };
}

function decodeIds(node: JsonNode, mismatches: MismatchLog): number[] {
  if (node.kind === "null") return [];
  if (node.kind !== "array") {
    mismatches.note(new TypeMismatch(goValueName(node), "list", ["ids"]));
    return [];
  }
  return node.items.map((item) => {
    if (item.kind === "null") return 0;
    if (item.kind !== "number") {
      mismatches.note(new TypeMismatch(goValueName(item), "number", ["ids"]));
      return 0;
    }
    const id = goInt(item.raw);
    if (id === undefined) mismatches.note(new TypeMismatch(`number ${item.raw}`, "number", ["ids"]));
    return id ?? 0;
  });
}

/** A JSON number literal as Go's int (int64) accepts it: no fraction, no exponent, in range. */
function goInt(raw: string): number | undefined {
  if (!/^-?[0-9]+$/.test(raw)) return undefined;
  // Up to 15 digits the double is exact (the common case: ids, without a BigInt each).
  if (raw.length <= 15) return Number(raw);
  const value = BigInt(raw);
  if (value > 0x7fffffffffffffffn || value < -0x8000000000000000n) return undefined;
  return Number(value);
}

/** A string attribute; null leaves the previous value (undefined), other types are a mismatch. */
function decodeString(node: JsonNode, mismatches: MismatchLog, attribute: string): string | undefined {
  if (node.kind === "string") return node.value;
  if (node.kind !== "null") mismatches.note(new TypeMismatch(goValueName(node), "string", [attribute]));
  return undefined;
}

function checkFieldsExist(collection: string, fields: FieldMap): void {
  for (const name of fields.keys()) {
    if (!collectionFieldExists(collection, name)) throw invalidRequest(`${collection}/${name} does not exist`, [name]);
  }
}

// ---------------------------------------------------------------------------------------------
// Field maps and descriptors

/** `null` is an empty map (upstream tolerates it); a non-object is a mismatch. */
function decodeFieldMap(node: JsonNode): Map<string, FieldDescriptor> {
  const fields = new Map<string, FieldDescriptor>();
  if (node.kind === "null") return fields;
  if (node.kind !== "object") throw new TypeMismatch(goValueName(node), "object");
  const raw = new Map<string, JsonNode>();
  for (const [name, value] of node.entries) raw.set(name, value);
  for (const [name, value] of raw) {
    try {
      fields.set(name, decodeDescriptor(value));
    } catch (error) {
      if (error instanceof KeyRequestError) throw insideField(name, error);
      throw error;
    }
  }
  return fields;
}

const DESCRIPTOR_TYPES = new Set(["relation", "relation-list", "generic-relation", "generic-relation-list"]);

function decodeDescriptor(node: JsonNode): FieldDescriptor {
  if (node.kind === "null") return null;
  if (node.kind !== "object") throw new TypeMismatch(goValueName(node), "object");

  let type = "";
  const typeMismatches = new MismatchLog();
  for (const [, value] of attributes(node, ["type"] as const)) type = decodeString(value, typeMismatches, "type") ?? type;
  typeMismatches.throwIfAny();
  if (type === "") throw invalidRequest("no type");
  if (!DESCRIPTOR_TYPES.has(type)) throw invalidRequest(`unknown type ${type}`);

  let collection = "";
  let fields: Map<string, FieldDescriptor> | undefined;
  const mismatches = new MismatchLog();
  const generic = type === "generic-relation" || type === "generic-relation-list";
  const names = generic ? (["fields"] as const) : (["collection", "fields"] as const);
  for (const [name, value] of attributes(node, names)) {
    if (name === "collection") collection = decodeString(value, mismatches, "collection") ?? collection;
    else fields = fieldsAttribute(value);
  }
  mismatches.throwIfAny();

  if (generic) {
    if (fields === undefined) throw invalidRequest("no fields");
    return { type: type as "generic-relation" | "generic-relation-list", fields };
  }
  if (collection === "") throw invalidRequest("no collection");
  if (fields === undefined) throw invalidRequest("no fields");
  checkFieldsExist(collection, fields);
  return { type: type as "relation" | "relation-list", collection, fields };
}
