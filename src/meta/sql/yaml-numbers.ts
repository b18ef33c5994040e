// Numbers in CHECK constraints and defaults are written as upstream's generator (Python)
// prints the YAML value: a float keeps its decimal point ("1.0"), an int has none ("60"), a
// quoted decimal string ("0.000001") goes in as written. The parsed models lose the
// int/float distinction, so the YAML token is looked up again here.
import { isScalar, parseDocument, type Document } from "yaml";
import type { ModelSource } from "../source.js";

const documents = new WeakMap<ModelSource, Map<string, Document>>();

function collectionDocument(source: ModelSource, collection: string): Document | undefined {
  let cache = documents.get(source);
  if (!cache) documents.set(source, (cache = new Map()));
  let document = cache.get(collection);
  if (!document) {
    const text = source.texts[`collections/${collection}.yml`];
    if (text === undefined) return undefined;
    document = parseDocument(text, { merge: true });
    cache.set(collection, document);
  }
  return document;
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/** Python's str() of a float: integral values keep ".0". */
const pythonFloat = (value: number): string => (Number.isInteger(value) ? `${value}.0` : String(value));

/** The SQL text of a numeric YAML attribute (minimum, maximum, numeric default) of a field. */
export function numericText(source: ModelSource, collection: string, field: string, attribute: string, value: unknown): string {
  if (typeof value === "string") {
    if (!NUMBER_TEXT.test(value)) throw new Error(`${collection}/${field}: ${attribute} is not a number: ${value}`);
    return value;
  }
  if (typeof value !== "number") throw new Error(`${collection}/${field}: ${attribute} is not a number`);
  const node = collectionDocument(source, collection)?.getIn(["fields", field, attribute], true);
  const token = isScalar(node) && typeof node.source === "string" ? node.source : undefined;
  const isFloatToken = token !== undefined && /[.eE]/.test(token);
  return isFloatToken ? pythonFloat(value) : String(value);
}
