// The models checker (spec models-and-database; upstream's models/checker.py): checks a models
// map (`_migration_index` + collection -> id -> model) without a database: known collections and
// fields, required and defaulted fields present, value types and enums, both sides of every
// relation, and the calculated access fields of meeting mediafiles. Used by
// organization.initial_import and the check_database presenters.
import { MIGRATION_INDEX } from "../db/schema.js";
import { collectionNames, fieldsOf, getField, isCollection, type FieldDefinition } from "../meta/registry.js";
import { inheritedAccess } from "./mediafile-access.js";
import { pythonStr } from "./python-repr.js";
import { comparePythonDecimals, parsePythonDecimal } from "./python-decimal.js";
import { sanitizeHtml } from "../action/html.js";

export type CheckMode = "internal" | "external" | "all";
export type MigrationMode = "strict" | "permissive";

export class CheckError extends Error {}

type Model = Record<string, unknown>;
export type ModelsMap = Record<string, unknown>;

const PYTHON_CLASS: Record<string, string> = {
  string: "CharField", text: "TextField", HTMLStrict: "HTMLStrictField", HTMLPermissive: "HTMLPermissiveField", number: "IntegerField",
  float: "FloatField", "decimal(6)": "DecimalField", boolean: "BooleanField", timestamp: "TimestampField", JSON: "JSONField",
  color: "ColorField", timezone: "TimezoneField", "string[]": "CharArrayField", "text[]": "TextArrayField", "number[]": "NumberArrayField",
  relation: "RelationField", "relation-list": "RelationListField", "generic-relation": "GenericRelationField",
  "generic-relation-list": "GenericRelationListField",
};

/** Upstream's str() of a field in type errors (relation fields show their definition). */
function describeField(field: FieldDefinition): string {
  const name = PYTHON_CLASS[field.type] ?? field.type;
  if (!field.relation) return name;
  const to = `{${Object.entries(field.relation.targets).map(([collection, reverse]) => `'${collection}': '${reverse}'`).join(", ")}}`;
  const isList = field.type.endsWith("-list") ? "True" : "False";
  return `${name}(to=${to}, is_list_field=${isList}, on_delete=${field.relation.onDelete}, required=${field.required ? "True" : "False"}, constraints={})`;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const DECIMAL = /^-?(\d|[1-9]\d+)\.\d{6}$/;
const FQID = /^([a-z](?:[a-z_]+[a-z])?)\/([1-9][0-9]*)$/;
const EXTENSION_REFERENCE = /\[([a-z](?:[a-z_]*[a-z])?\/[1-9][0-9]*)\]/g;
const extensionReferences = (text: string) => [...text.matchAll(EXTENSION_REFERENCE)].map((match) => match[1]!);
/** Keys of amendment_paragraphs: 0 or a positive number without leading zeros. */
const PARAGRAPH_NUMBER = /^(0|[1-9][0-9]*)$/;
const isInt = (value: unknown) => typeof value === "number" && Number.isInteger(value);
const isList = (value: unknown, item: (entry: unknown) => boolean) => Array.isArray(value) && value.every(item);
const isFqid = (value: unknown) => typeof value === "string" && FQID.test(value) && isCollection(value.split("/")[0]!);

function isJson(value: unknown, root = true): boolean {
  if (value === null) return true;
  // Upstream matches int() | str(), and a Python bool is an int: nested booleans are allowed
  // (poll.entitled_users_at_stop holds {voted, present, ...}).
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return !root;
  if (Array.isArray(value)) return value.every((entry) => isJson(entry, false));
  if (typeof value === "object") return Object.values(value as object).every((entry) => isJson(entry, false));
  return false;
}

function typeMatches(field: FieldDefinition, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (field.type) {
    case "string": case "text": case "HTMLStrict": case "HTMLPermissive": case "timezone":
      return typeof value === "string";
    case "number": case "relation":
      return isInt(value);
    case "timestamp":
      return isInt(value) || (typeof value === "string" && !Number.isNaN(Date.parse(value)));
    case "float":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "decimal(6)":
      return typeof value === "string" && DECIMAL.test(value);
    case "color":
      return typeof value === "string" && COLOR.test(value);
    case "JSON":
      return isJson(value);
    case "string[]": case "text[]":
      return isList(value, (entry) => entry === null || typeof entry === "string");
    case "number[]": case "relation-list":
      return isList(value, (entry) => entry === null || isInt(entry));
    case "generic-relation":
      return isFqid(value);
    case "generic-relation-list":
      return isList(value, (entry) => entry === null || isFqid(entry));
  }
}

/** Types whose required value may be falsy ("", 0, false) but not null (upstream's Field subclasses that override the check). */
const NULL_ONLY = new Set(["boolean", "number", "float", "timestamp", "decimal(6)", "HTMLStrict", "HTMLPermissive"]);

function requiredButEmpty(field: FieldDefinition, value: unknown): boolean {
  if (NULL_ONLY.has(field.type)) return value === null || value === undefined;
  return !value || (Array.isArray(value) && value.length === 0);
}

/**
 * The bounds of a decimal field (upstream DecimalField.validate, run on every given field): a text
 * that is no decimal at all stops the check with upstream's message; a value out of bounds is
 * an error of the model. Other types are left to the type check.
 */
function decimalBoundError(field: FieldDefinition, value: unknown): string | undefined {
  if (field.type !== "decimal(6)" || typeof value !== "string") return undefined;
  const minimum = field.minimum === undefined ? undefined : parsePythonDecimal(String(field.minimum));
  const maximum = field.maximum === undefined ? undefined : parsePythonDecimal(String(field.maximum));
  if (!minimum && !maximum) return undefined;
  const decimal = parsePythonDecimal(value);
  if (!decimal) throw new CheckError(`${field.name}: value '${value}' couldn't be converted to decimal.`);
  if (minimum && comparePythonDecimals(decimal, minimum) < 0) return `${field.name} must be bigger than or equal to ${String(field.minimum)}.`;
  if (maximum && comparePythonDecimals(decimal, maximum) > 0) return `${field.name} must be smaller than or equal to ${String(field.maximum)}.`;
  return undefined;
}

/** The collections a meeting export may hold (upstream Checker.allowed_collections outside mode all). */
export const MEETING_COLLECTIONS: ReadonlySet<string> = new Set([...collectionNames().filter((name) => getField(name, "meeting_id")), "meeting", "user", "mediafile"]);

export interface CheckOptions {
  mode?: CheckMode;
  migrationMode?: MigrationMode;
  /** Fill missing fields that have a default instead of reporting them. */
  repair?: boolean;
  /** With repair: fields dropped from every model of a collection before the check. */
  fieldsToRemove?: Record<string, string[]>;
}

/** Motion fields that point to other meetings; a copied meeting does not keep them. */
export const EXTERNAL_MOTION_FIELDS = ["origin_id", "origin_meeting_id", "derived_motion_ids", "all_origin_ids", "all_derived_motion_ids"];

export class ModelsChecker {
  private readonly errors: string[] = [];
  private readonly allowed: ReadonlySet<string>;
  private readonly mode: CheckMode;
  private readonly migrationMode: MigrationMode;
  private readonly repair: boolean;
  private readonly fieldsToRemove: Record<string, string[]>;

  constructor(
    private readonly data: ModelsMap,
    options: CheckOptions = {},
  ) {
    this.repair = Boolean(options.repair);
    this.fieldsToRemove = options.fieldsToRemove ?? {};
    this.mode = options.mode ?? "all";
    this.migrationMode = options.migrationMode ?? "strict";
    this.allowed = this.mode === "all" ? new Set(collectionNames()) : MEETING_COLLECTIONS;
  }

  /** Throws a CheckError listing every problem, one per line with a tab in front. */
  run(): void {
    this.checkShape();
    this.checkMigrationIndex();
    const invalid = Object.keys(this.data).filter((name) => !name.startsWith("_") && !this.allowed.has(name));
    if (invalid.length > 0) throw new CheckError(`Collections in file do not match with models.py. Invalid collections: ${invalid.join(", ")}.`);
    for (const [collection, models] of this.collections()) {
      for (const [key, model] of Object.entries(models)) {
        if (model.id !== Number(key)) this.errors.push(`${collection}/${key}: Id must be the same as model['id']`);
        this.checkModel(collection, model);
      }
    }
    if (this.errors.length > 0) throw new CheckError(this.errors.map((error) => `\t${error}`).join("\n"));
  }

  private *collections(): Generator<[string, Record<string, Model>]> {
    for (const [name, models] of Object.entries(this.data)) if (!name.startsWith("_")) yield [name, models as Record<string, Model>];
  }

  private checkShape(): void {
    const fail = (message: string) => {
      throw new CheckError(`JSON does not match schema: ${message}`);
    };
    if (typeof this.data !== "object" || this.data === null || Array.isArray(this.data)) fail("data must be object");
    if (!("_migration_index" in this.data)) fail("data must contain ['_migration_index'] properties");
    if (!isInt(this.data._migration_index)) fail("data._migration_index must be integer");
    if (Number(this.data._migration_index) < 1) fail("data._migration_index must be bigger than or equal to 1");
    for (const [name, models] of Object.entries(this.data)) {
      if (name.startsWith("_")) continue;
      if (typeof models !== "object" || models === null || Array.isArray(models)) fail(`data.${name} must be object`);
      for (const [key, model] of Object.entries(models as object)) {
        if (!/^[1-9][0-9]*$/.test(key)) fail(`data.${name} must not contain {'${key}'} properties`);
        if (typeof model !== "object" || model === null || Array.isArray(model)) fail(`data.${name}.${key} must be object`);
        if (!("id" in (model as object))) fail(`data.${name}.${key} must contain ['id'] properties`);
      }
    }
  }

  private checkMigrationIndex(): void {
    const index = Number(this.data._migration_index);
    if (index > MIGRATION_INDEX) this.errors.push(`The given migration index (${index}) is higher than the backend (${MIGRATION_INDEX}).`);
    else if (this.migrationMode === "strict" && index < MIGRATION_INDEX) {
      this.errors.push(`The given migration index (${index}) is lower than the backend (${MIGRATION_INDEX}).`);
    }
  }

  private checkModel(collection: string, model: Model): void {
    if (this.repair) for (const name of this.fieldsToRemove[collection] ?? []) delete model[name];
    if (this.checkFieldNames(collection, model)) return;
    this.checkTypes(collection, model);
    if (collection === "motion") {
      this.checkAmendmentParagraphs(model);
      this.checkExtensionReferences(model);
    }
    this.checkRelations(collection, model);
    if (collection === "meeting_mediafile") this.checkMediafileAccess(model);
  }

  /** Missing required or defaulted fields and unknown fields; true when something is wrong. */
  private checkFieldNames(collection: string, model: Model): boolean {
    const fields = fieldsOf(collection).filter((field) => !field.calculated);
    const known = new Set(fieldsOf(collection).map((field) => field.name));
    let missing = fields.filter((field) => (field.required || field.default !== undefined) && field.name !== "sequential_number" && !(field.name in model));
    if (this.repair) {
      for (const field of missing) if (field.default !== undefined) model[field.name] = structuredClone(field.default);
      missing = missing.filter((field) => field.default === undefined);
    }
    let failed = false;
    if (missing.length > 0) {
      this.errors.push(`${collection}/${String(model.id)}: Missing fields ${missing.map((field) => field.name).join(", ")}`);
      failed = true;
    }
    const unknown = Object.keys(model).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      this.errors.push(`${collection}/${String(model.id)}: Invalid fields ${unknown.map((name) => `${name} (value: ${pythonStr(model[name])})`).join(", ")}`);
      failed = true;
    }
    for (const field of fieldsOf(collection)) {
      if (!(field.name in model)) continue;
      const error = decimalBoundError(field, model[field.name]);
      if (error) {
        this.errors.push(`${collection}/${String(model.id)}/${field.name}: ${error}`);
        failed = true;
      }
    }
    return failed;
  }

  private checkTypes(collection: string, model: Model): void {
    for (const [name, value] of Object.entries(model)) {
      const field = getField(collection, name)!;
      const where = `${collection}/${String(model.id)}/${name}`;
      if (!typeMatches(field, value)) this.errors.push(`${where}: Type error: Type is not ${describeField(field)}`);
      const exempt = collection === "meeting" && (name === "committee_id" || name === "is_active_in_organization_id");
      if (field.required && !exempt && requiredButEmpty(field, value)) this.errors.push(`${where}: Field required but empty.`);
      if (field.enum && value !== null && value !== undefined && !field.enum.includes(value)) {
        this.errors.push(`${where}: Value error: Value ${pythonStr(value)} is not a valid enum value`);
      }
    }
  }

  /**
   * A motion's amendment_paragraphs: an object of paragraph numbers to strings (upstream's schema
   * messages), each already sanitised as strict HTML (so a meeting cannot be cloned or checked
   * with HTML that motion.create would not have stored).
   */
  private checkAmendmentParagraphs(model: Model): void {
    if (!("amendment_paragraphs" in model) || model.amendment_paragraphs === undefined) return;
    const base = `motion/${String(model.id)}/amendment_paragraphs error: `;
    const paragraphs = model.amendment_paragraphs;
    if (typeof paragraphs !== "object" || paragraphs === null || Array.isArray(paragraphs)) {
      this.errors.push(`${base}data must be object`);
      return;
    }
    const entries = Object.entries(paragraphs as Record<string, unknown>);
    const extra = entries.filter(([key]) => !PARAGRAPH_NUMBER.test(key)).map(([key]) => `'${key}'`);
    const notString = entries.find(([key, html]) => PARAGRAPH_NUMBER.test(key) && typeof html !== "string");
    if (notString) return void this.errors.push(`${base}data.${notString[0]} must be string`);
    if (extra.length > 0) return void this.errors.push(`${base}data must not contain {${extra.join(", ")}} properties`);
    for (const [key, html] of entries) if (html !== sanitizeHtml(html as string, "strict")) this.errors.push(`${base}Invalid html in ${key}`);
  }

  /** The [collection/id] references in a motion's state and recommendation extension: motions of the data. */
  private checkExtensionReferences(model: Model): void {
    for (const name of ["state_extension", "recommendation_extension"]) {
      const value = model[name];
      if (typeof value !== "string" || !value) continue;
      const base = `motion/${String(model.id)}/${name}: Relation Error:`;
      for (const fqid of extensionReferences(value)) {
        const [collection, id] = fqid.split("/") as [string, string];
        if (collection !== "motion") this.errors.push(`${base} Found ${fqid} but only motion is allowed.`);
        if (!this.find(collection, id)) this.errors.push(`${base} Found ${fqid} in ${name} but not in models.`);
      }
    }
  }

  private find(collection: string, id: unknown): Model | undefined {
    return (this.data[collection] as Record<string, Model> | undefined)?.[String(id)];
  }

  private checkRelations(collection: string, model: Model): void {
    for (const [name, value] of Object.entries(model)) {
      const field = getField(collection, name)!;
      if (!field.relation || value === null || value === undefined) continue;
      if (collection === "user" && name === "organization_id") continue;
      const base = `${collection}/${String(model.id)}/${name}: Relation Error:`;
      const targets: Array<[string, unknown]> = [];
      if (field.type === "relation") targets.push([Object.keys(field.relation.targets)[0]!, value]);
      else if (field.type === "relation-list" && Array.isArray(value)) for (const id of value) targets.push([Object.keys(field.relation.targets)[0]!, id]);
      else {
        for (const fqid of field.type === "generic-relation" ? [value] : (value as unknown[])) {
          const match = typeof fqid === "string" ? FQID.exec(fqid) : null;
          if (!match) {
            this.errors.push(`${collection}/${String(model.id)}/${name} error: Fqid ${pythonStr(fqid)} is malformed`);
            continue;
          }
          if (!(match[1]! in field.relation.targets)) {
            this.errors.push(`${collection}/${String(model.id)}/${name} error: The collection ${match[1]} is not supported as a reverse relation in ${collection}/${name}.`);
            continue;
          }
          targets.push([match[1]!, Number(match[2])]);
        }
      }
      for (const [target, id] of targets) {
        if (field.type === "relation" && !id) continue;
        if (!this.allowed.has(target)) {
          if (this.mode === "external") this.errors.push(`${base} points to ${target}/${String(id)}, which is not allowed in an external import.`);
          continue;
        }
        this.checkReverse(collection, Number(model.id), target, id, field.relation.targets[target]!, base);
      }
    }
  }

  private checkReverse(collection: string, id: number, target: string, targetId: unknown, reverseName: string, base: string): void {
    const reverse = getField(target, reverseName);
    const value = this.find(target, targetId)?.[reverseName];
    const fqid = `${collection}/${id}`;
    let corrupt = false;
    switch (reverse?.type) {
      case "relation": corrupt = value !== id; break;
      case "relation-list": corrupt = !Array.isArray(value) || !value.includes(id); break;
      case "generic-relation": corrupt = value !== fqid; break;
      case "generic-relation-list": corrupt = !Array.isArray(value) || !value.includes(fqid); break;
      default: corrupt = true;
    }
    if (corrupt) this.errors.push(`${base} points to ${target}/${String(targetId)}/${reverseName}, but the reverse relation for it is corrupt.`);
  }

  /** is_public and inherited_access_group_ids must follow from the access groups and the parent. */
  private checkMediafileAccess(model: Model): void {
    const mediafile = this.find("mediafile", model.mediafile_id);
    const meeting = this.find("meeting", model.meeting_id);
    if (!meeting) return;
    let accessGroupIds = (model.access_group_ids as number[] | undefined) ?? [];
    let parentIsPublic: boolean | undefined;
    let parentInherited: number[] | undefined;
    if (mediafile?.parent_id) {
      const parent = this.find("mediafile", mediafile.parent_id);
      const meetingMediafiles = new Set((meeting.meeting_mediafile_ids as number[] | undefined) ?? []);
      const parentEntry = ((parent?.meeting_mediafile_ids as number[] | undefined) ?? []).find((entry) => meetingMediafiles.has(entry));
      if (parentEntry !== undefined) {
        const parentModel = this.find("meeting_mediafile", parentEntry);
        parentIsPublic = Boolean(parentModel?.is_public);
        parentInherited = (parentModel?.inherited_access_group_ids as number[] | undefined) ?? [];
      } else {
        parentIsPublic = false;
        parentInherited = [meeting.admin_group_id as number];
      }
    } else if (
      mediafile?.owner_id === "organization/1" &&
      mediafile.published_to_meetings_in_organization_id === 1 &&
      JSON.stringify((model.inherited_access_group_ids as number[] | undefined) ?? []) === JSON.stringify([meeting.admin_group_id])
    ) {
      accessGroupIds = [meeting.admin_group_id as number];
    }
    const [isPublic, inherited] = inheritedAccess(accessGroupIds, parentIsPublic, parentInherited);
    if (isPublic !== model.is_public) {
      this.errors.push(`meeting_mediafile/${String(model.id)}: is_public is wrong. ${isPublic ? "True" : "False"} != ${model.is_public ? "True" : "False"}`);
    }
    const stored = new Set((model.inherited_access_group_ids as number[] | undefined) ?? []);
    if (stored.size !== inherited.length || inherited.some((id) => !stored.has(id))) {
      this.errors.push(`meeting_mediafile/${String(model.id)}: inherited_access_group_ids is wrong`);
    }
  }
}

export function checkModels(data: ModelsMap, options: CheckOptions = {}): void {
  new ModelsChecker(data, options).run();
}
