// The user side of the CSV imports (upstream user/base_json_upload.py and user/base_import.py),
// shared by account.* and participant.*: finding existing accounts by username, saml_id,
// names + email or member number, generated usernames and passwords, gender / e-mail / home
// committee cells, the per-field permission marks ("remove") and the re-check at import time.
import { PermissionDeniedError } from "../errors.js";
import { modelFieldSchema } from "../framework/schemas.js";
import type { ActionContext, Instance, JsonSchema } from "../framework/types.js";
import { isValidEmail } from "./email-rules.js";
import {
  flattenRows,
  ImportState,
  Lookup,
  LookupResult,
  validateReferenceField,
  validateWithLookup,
  valueOfCell,
  type HeaderEntry,
  type ImportRow,
  type SearchKey,
} from "./import-preview.js";
import { checkUserFieldPermissions, FIELD_GROUPS, omlRank } from "./user-field-permissions.js";
import { randomPassword } from "./user-rules.js";

export const userHeaders: HeaderEntry[] = [
  { property: "title", type: "string" },
  { property: "first_name", type: "string" },
  { property: "last_name", type: "string" },
  { property: "is_active", type: "boolean" },
  { property: "is_physical_person", type: "boolean" },
  { property: "default_password", type: "string", is_object: true },
  { property: "email", type: "string", is_object: true },
  { property: "username", type: "string", is_object: true },
  { property: "gender", type: "string", is_object: true },
  { property: "pronoun", type: "string" },
  { property: "saml_id", type: "string", is_object: true },
  { property: "member_number", type: "string", is_object: true },
  { property: "home_committee", type: "string", is_object: true },
  { property: "external", type: "boolean", is_object: true },
];

/** The row schema: the user fields plus the given extra fields, nothing else. */
export function userRowSchema(extra: Record<string, JsonSchema>): JsonSchema {
  const fields = [
    "username",
    "first_name",
    "last_name",
    "email",
    "title",
    "pronoun",
    "default_password",
    "is_active",
    "is_physical_person",
    "saml_id",
    "member_number",
    "external",
  ];
  return {
    type: "object",
    properties: {
      ...Object.fromEntries(fields.map((field) => [field, modelFieldSchema("user", field)])),
      ...extra,
      gender: { type: "string" },
      home_committee: { type: "string" },
    },
    additionalProperties: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Failing fields (upstream CreateUpdatePermissionsFailingFields.get_failing_fields).

/**
 * The fields of the entry the request user may not set on the (new or existing) account. The
 * framework's field-group check only raises, so each field is checked on its own; group H
 * (saml_id) is checked like group A, as upstream does in imports.
 */
export async function getFailingFields(ctx: ActionContext, entry: Record<string, any>, groups: string): Promise<string[]> {
  const user = await ctx.db.get(`user/${ctx.userId}`, ["organization_management_level"]);
  if (user.organization_management_level === "superadmin") return [];
  const checked = allCheckedFields(groups);
  const failing: string[] = [];
  const id = typeof entry.id === "number" ? entry.id : undefined;
  const rightsCtx = { db: ctx.db, userId: ctx.userId, internal: false, action: { name: id ? "user.update" : "user.create" } };
  for (const field of Object.keys(entry)) {
    if (!checked.has(field)) continue;
    let probeField = field;
    let value = entry[field];
    if (value && typeof value === "object" && !Array.isArray(value)) value = field.endsWith("_id") && "id" in value ? value.id : value.value;
    if (FIELD_GROUPS.H!.includes(field)) {
      probeField = "title";
      value = "x";
    }
    const probe: Instance = { [probeField]: value };
    // Upstream's check of external (group J) includes the home committee check on the whole entry.
    if (field === "external" && entry.home_committee_id !== undefined) probe.home_committee_id = entry.home_committee_id;
    if (id) probe.id = id;
    if (entry.meeting_id) probe.meeting_id = entry.meeting_id;
    if (!id && entry.meeting_id && Array.isArray(entry.group_ids)) probe.group_ids = entry.group_ids;
    try {
      await checkUserFieldPermissions(rightsCtx, probe, "user.can_manage");
    } catch (error) {
      if (error instanceof PermissionDeniedError) failing.push(field);
      else throw error;
    }
  }
  const target = id ? await ctx.db.get(`user/${id}`, ["organization_management_level"]) : {};
  const higherOml = omlRank(target.organization_management_level) > omlRank(user.organization_management_level);
  return inUpstreamOrder(entry, new Set(failing), groups, higherOml);
}

const GROUP_CHECK_ORDER = ["E", "D", "B", "A", "F", "G", "I", "J"];
const groupOf = (field: string) => Object.keys(FIELD_GROUPS).find((group) => FIELD_GROUPS[group]!.includes(field));

/**
 * The failing fields in the order upstream's message lists them: first the groups refused for a
 * target of a higher organization management level (in the order their first field appears in
 * the entry), then group by group in upstream's check order (saml_id with group A); the fields of
 * one group in entry order.
 */
function inUpstreamOrder(entry: Record<string, any>, failing: Set<string>, groups: string, higherOml: boolean): string[] {
  const fields = Object.keys(entry).filter((field) => failing.has(field));
  const entryGroups = [...new Set(Object.keys(entry).map(groupOf).filter((group): group is string => group !== undefined))];
  const refusedForOml = higherOml && entry.id ? entryGroups.filter((group) => group !== "B" && group !== "C" && groups.includes(group)) : [];
  const rest = GROUP_CHECK_ORDER.filter((group) => !refusedForOml.includes(group));
  const ordered: string[] = [];
  for (const group of refusedForOml) ordered.push(...fields.filter((field) => groupOf(field) === group));
  for (const group of rest) {
    const members = group === "A" && !refusedForOml.includes("H") ? ["A", "H"] : [group];
    ordered.push(...fields.filter((field) => members.includes(groupOf(field)!)));
  }
  return [...new Set(ordered)];
}

export function allCheckedFields(groups: string): Set<string> {
  return new Set([...groups].flatMap((group) => FIELD_GROUPS[group] ?? []));
}

// ---------------------------------------------------------------------------------------------
// json_upload

const namesAndEmail = (entry: Record<string, any>): [string, string, string] => [entry.first_name ?? "", entry.last_name ?? "", entry.email ?? ""];
const isEmptyTriple = (key: readonly string[]) => key.every((part) => part === "");

export class UserJsonUpload {
  rowState: string = ImportState.NEW;
  usernameLookup!: Lookup;
  samlIdLookup!: Lookup;
  namesEmailLookup!: Lookup;
  allSamlIdLookup!: Lookup;
  memberNumberLookup!: Lookup;
  committeeLookup!: Lookup;
  genders: Array<{ id: number; name: string }> = [];
  allIdMapping = new Map<number, SearchKey[]>();

  constructor(
    readonly ctx: ActionContext,
    readonly importName: string,
  ) {}

  async prepare(data: Record<string, any>[]): Promise<void> {
    data.forEach((entry, index) => (entry.payload_index = index));
    await this.setupLookups(data);
    this.distributeFoundValues(data);
    await this.createUsernames(data);
  }

  private async setupLookups(data: Record<string, any>[]): Promise<void> {
    const { ctx } = this;
    this.usernameLookup = await Lookup.create(
      ctx,
      "user",
      data.filter((entry) => entry.username).map((entry) => [entry.username, entry]),
      "username",
      ["username", "saml_id", "default_password"],
    );
    this.samlIdLookup = await Lookup.create(
      ctx,
      "user",
      data.filter((entry) => !entry.username && entry.saml_id).map((entry) => [entry.saml_id, entry]),
      "saml_id",
      ["saml_id", "username", "default_password"],
    );
    this.namesEmailLookup = await Lookup.create(
      ctx,
      "user",
      data
        .filter((entry) => !entry.username && !entry.saml_id && !isEmptyTriple(namesAndEmail(entry)))
        .map((entry) => [namesAndEmail(entry), entry]),
      ["first_name", "last_name", "email"],
      ["username", "saml_id", "default_password"],
    );
    this.allSamlIdLookup = await Lookup.create(
      ctx,
      "user",
      data.filter((entry) => entry.saml_id).map((entry) => [entry.saml_id, entry]),
      "saml_id",
      ["username", "saml_id"],
    );
    this.memberNumberLookup = await Lookup.create(
      ctx,
      "user",
      data.filter((entry) => entry.member_number).map((entry) => [entry.member_number, entry]),
      "member_number",
      ["username", "member_number", "saml_id"],
    );
    const genders = await ctx.db.filter("gender", undefined, ["id", "name"]);
    this.genders = [...genders.values()].map((gender) => ({ id: gender.id as number, name: gender.name as string }));
    for (const lookup of [this.usernameLookup, this.samlIdLookup, this.namesEmailLookup]) {
      for (const [id, values] of lookup.idToName) this.allIdMapping.set(id, [...(this.allIdMapping.get(id) ?? []), ...values]);
    }
    const committees = [...new Set(data.map((entry) => entry.home_committee).filter((name) => name))] as string[];
    this.committeeLookup = await Lookup.create(
      ctx,
      "committee",
      committees.map((name) => [name, {}]),
    );
  }

  private distributeFoundValues(data: Record<string, any>[]): void {
    for (const entry of data) {
      if ("username" in entry) continue;
      let found: Record<string, any> | undefined = {};
      if ("saml_id" in entry) found = this.samlIdLookup.nameToIds.get(entry.saml_id)?.[0];
      else if (["first_name", "last_name", "email"].some((field) => entry[field])) {
        found = this.namesEmailLookup.nameToIds.get(JSON.stringify(namesAndEmail(entry)))?.[0];
      }
      if ("member_number" in entry) found = this.memberNumberLookup.nameToIds.get(entry.member_number)?.[0] || found;
      const id = found?.id as number | undefined;
      if (!id) continue;
      if (!("id" in entry)) entry.id = id;
      if (!("username" in entry)) {
        const username = found!.username;
        entry.username = { id, value: typeof username === "string" ? username : username?.value, info: ImportState.DONE };
        this.usernameLookup.addItem(entry);
      }
    }
  }

  private async createUsernames(data: Record<string, any>[]): Promise<void> {
    const wanted: string[] = [];
    const fixed: unknown[] = [];
    const indices: number[] = [];
    for (const entry of data) {
      if (!("username" in entry)) {
        let username: string;
        if (entry.saml_id) username = entry.saml_id;
        else if (!(entry.first_name || entry.last_name)) {
          entry.username = { value: "", info: ImportState.GENERATED };
          continue;
        } else username = `${entry.first_name ?? ""}${entry.last_name ?? ""}`.replace(/[^\p{L}\p{N}\p{Mn}_]/gu, "");
        wanted.push(username);
        indices.push(entry.payload_index as number);
      } else fixed.push(entry.username);
    }
    const used: string[] = [];
    for (const template of wanted) {
      let username = template;
      let count = 0;
      for (;;) {
        if (used.includes(username) || fixed.includes(username)) {
          count++;
          username = `${template}${count}`;
          continue;
        }
        const taken = await this.ctx.db.filter("user", { field: "username", operator: "=", value: username }, ["id"]);
        if (taken.size > 0) {
          count++;
          username = `${template}${count}`;
          continue;
        }
        break;
      }
      used.push(username);
    }
    indices.forEach((index, i) => {
      data[index]!.username = { value: used[i], info: ImportState.GENERATED };
      this.usernameLookup.addItem(data[index]!);
    });
  }

  /** Upstream BaseUserJsonUpload.validate_entry. */
  async validateEntry(entry: Record<string, any>): Promise<ImportRow> {
    const messages: string[] = [];
    let id: number | undefined;
    let oldSamlId: string | undefined;
    let oldDefaultPassword: string | undefined;
    const username = entry.username;
    if (username && typeof username === "string") {
      const check = this.usernameLookup.checkDuplicate(username);
      id = this.usernameLookup.getFieldByName(username, "id");
      if (check === LookupResult.FOUND_ID && id !== 0) {
        oldSamlId = this.usernameLookup.getFieldByName(username, "saml_id");
        oldDefaultPassword = this.usernameLookup.getFieldByName(username, "default_password");
        this.rowState = ImportState.DONE;
        entry.id = id;
        entry.username = { value: username, info: ImportState.DONE, id };
      } else if (check === LookupResult.NOT_FOUND || id === 0) {
        this.rowState = ImportState.NEW;
        entry.username = { value: username, info: ImportState.DONE };
      } else if (check === LookupResult.FOUND_MORE_IDS) {
        this.rowState = ImportState.ERROR;
        entry.username = { value: username, info: ImportState.ERROR };
        messages.push("Found more users with the same username");
      }
      if (this.rowState !== ImportState.DONE && username.includes(" ")) {
        this.rowState = ImportState.ERROR;
        entry.username = { value: username, info: ImportState.ERROR };
        messages.push("Error: Empty spaces not allowed in new usernames");
      }
    } else if (entry.saml_id) {
      const samlId = entry.saml_id as string;
      const check = this.samlIdLookup.checkDuplicate(samlId);
      id = this.samlIdLookup.getFieldByName(samlId, "id");
      if (check === LookupResult.FOUND_ID && id !== 0) {
        const found = this.samlIdLookup.getFieldByName(samlId, "username");
        oldSamlId = this.samlIdLookup.getFieldByName(samlId, "saml_id");
        oldDefaultPassword = this.samlIdLookup.getFieldByName(samlId, "default_password");
        this.rowState = ImportState.DONE;
        entry.id = id;
        if (typeof found === "string") entry.username = { value: found, info: ImportState.DONE, id };
      } else if (check === LookupResult.NOT_FOUND || id === 0) {
        this.rowState = ImportState.NEW;
      }
    } else if (entry.first_name || entry.last_name) {
      const key = namesAndEmail(entry);
      let check: number;
      if (!isEmptyTriple(key)) {
        check = this.namesEmailLookup.checkDuplicate(key);
        id = this.namesEmailLookup.getFieldByName(key, "id");
      } else {
        check = LookupResult.NOT_FOUND;
        id = 0;
      }
      if (check === LookupResult.FOUND_ID && id !== 0) {
        const found = this.namesEmailLookup.getFieldByName(key, "username");
        oldSamlId = this.namesEmailLookup.getFieldByName(key, "saml_id");
        oldDefaultPassword = this.namesEmailLookup.getFieldByName(key, "default_password");
        this.rowState = ImportState.DONE;
        entry.id = id;
        entry.username = { value: found && typeof found === "object" ? found.value : found, info: ImportState.DONE, id };
      } else if (check === LookupResult.NOT_FOUND || id === 0) {
        this.rowState = ImportState.NEW;
      } else if (check === LookupResult.FOUND_MORE_IDS) {
        this.rowState = ImportState.ERROR;
        messages.push("Found more users with name and email");
      }
    } else {
      this.rowState = ImportState.NEW;
    }

    const memberNumber = entry.member_number;
    if (memberNumber) {
      const check = this.memberNumberLookup.checkDuplicate(memberNumber);
      const memberId = this.memberNumberLookup.getFieldByName(memberNumber, "id") as number | undefined;
      id = entry.username?.id ?? 0;
      if (id && this.rowState !== ImportState.ERROR) {
        const oldNumber = (await this.ctx.db.get(`user/${id}`, ["member_number"])).member_number as string | undefined;
        let failed = false;
        if (oldNumber && memberNumber !== oldNumber) {
          failed = true;
          messages.push("Error: Member numbers can't be updated via import");
        } else if (memberId && memberId !== id) {
          failed = true;
          messages.push("Error: Member number doesn't match detected user");
        } else if (check === LookupResult.FOUND_MORE_IDS) {
          failed = true;
          messages.push("Error: Found more users with the same member number");
        }
        if (failed) {
          this.rowState = ImportState.ERROR;
          entry.member_number = { value: memberNumber, info: ImportState.ERROR };
        } else {
          const state = oldNumber ? ImportState.DONE : ImportState.NEW;
          entry.member_number = { value: memberNumber, info: state };
          if (oldNumber) {
            this.rowState = state;
            entry.member_number.id = id;
            delete entry.username.id;
          }
        }
      } else if (!id) {
        id = memberId;
        if (check === LookupResult.FOUND_ID && id !== 0) {
          const oldUsername = this.memberNumberLookup.getFieldByName(memberNumber, "username");
          entry.id = id;
          entry.member_number = { id, value: memberNumber, info: ImportState.DONE };
          if (!entry.username) entry.username = { value: oldUsername, info: ImportState.DONE };
          else if (entry.username !== oldUsername && entry.username.info === ImportState.DONE) entry.username.info = ImportState.NEW;
          if (this.rowState !== ImportState.ERROR) this.rowState = ImportState.DONE;
        } else if (check === LookupResult.FOUND_MORE_IDS) {
          this.rowState = ImportState.ERROR;
          entry.member_number = { value: memberNumber, info: ImportState.ERROR };
          messages.push("Error: Found more users with the same member number");
        } else {
          entry.member_number = { value: memberNumber, info: ImportState.DONE };
        }
      }
    }

    if (id && (this.allIdMapping.get(id)?.length ?? 0) > 1) {
      this.rowState = ImportState.ERROR;
      messages.push(`The account with id ${id} was found multiple times by different search criteria.`);
    }

    const samlId = entry.saml_id;
    if (samlId) {
      const check = this.allSamlIdLookup.checkDuplicate(samlId);
      const ownId = entry.id;
      if (ownId) {
        const foundId = check === LookupResult.FOUND_ID ? this.allSamlIdLookup.getFieldByName(samlId, "id") : undefined;
        if (check === LookupResult.NOT_FOUND || (check === LookupResult.FOUND_ID && ownId === foundId)) {
          entry.saml_id = { value: samlId, info: oldSamlId ? ImportState.DONE : ImportState.NEW };
        } else {
          this.rowState = ImportState.ERROR;
          messages.push(`saml_id ${samlId} must be unique.`);
          entry.saml_id = { value: samlId, info: ImportState.ERROR };
        }
      } else if (check !== LookupResult.NOT_FOUND) {
        this.rowState = ImportState.ERROR;
        entry.saml_id = { value: samlId, info: ImportState.ERROR };
        messages.push(`saml_id ${samlId} must be unique.`);
      } else {
        entry.saml_id = { value: samlId, info: ImportState.NEW };
      }
      if (entry.saml_id.info === ImportState.NEW || entry.default_password || oldDefaultPassword) {
        entry.default_password = { value: "", info: ImportState.WARNING };
        messages.push(
          `Because this ${this.importName} is connected with a saml_id: The default_password will be ignored and password will not be changeable in OpenSlides.`,
        );
      }
    }

    const currentUsername = entry.username;
    if (
      (this.rowState === ImportState.NEW && !currentUsername) ||
      (typeof currentUsername !== "string" && !(currentUsername ?? {}).value)
    ) {
      this.rowState = ImportState.ERROR;
      messages.push("Cannot generate username. Missing one of first_name, last_name.");
    }

    if (!entry.saml_id) this.handleDefaultPassword(entry);

    const gender = entry.gender;
    if (gender) {
      const model = this.genders.find((candidate) => candidate.name === gender);
      if (model) entry.gender = { info: ImportState.DONE, value: gender, id: model.id };
      else {
        entry.gender = { info: ImportState.ERROR, value: gender };
        messages.push(`Error: Gender '${gender}' is not in the allowed gender list. Please choose a valid gender option.`);
        this.rowState = ImportState.ERROR;
      }
    }

    const email = entry.email;
    if (email) {
      if (isValidEmail(email)) entry.email = { info: ImportState.DONE, value: email };
      else {
        entry.email = { info: ImportState.ERROR, value: email };
        this.rowState = ImportState.ERROR;
        messages.push(`Error: '${email}' is not a valid email address.`);
      }
    }

    const homeCommittee = entry.home_committee;
    if (homeCommittee) {
      const result = this.committeeLookup.checkDuplicate(homeCommittee);
      if (result === LookupResult.FOUND_ID) {
        entry.home_committee = { value: homeCommittee, info: ImportState.DONE, id: this.committeeLookup.getFieldByName(homeCommittee, "id") };
      } else if (result === LookupResult.NOT_FOUND) {
        this.rowState = ImportState.ERROR;
        entry.home_committee = { value: homeCommittee, info: ImportState.ERROR };
        messages.push("Error: Home committee not found.");
      } else if (result === LookupResult.FOUND_MORE_IDS) {
        this.rowState = ImportState.ERROR;
        entry.home_committee = { value: homeCommittee, info: ImportState.ERROR };
        messages.push("Error: Found multiple committees with the same name as the home committee.");
      }
      const external = entry.external;
      if (external === false) entry.external = { value: false, info: ImportState.DONE };
      else if (external && entry.home_committee.info !== ImportState.REMOVE) {
        this.rowState = ImportState.ERROR;
        entry.external = { value: external, info: ImportState.ERROR };
        messages.push("Error: Cannot set external to true while setting home committee.");
      } else if (external) entry.external = { value: external, info: ImportState.DONE };
      else if (entry.home_committee.info !== ImportState.REMOVE) entry.external = { value: false, info: ImportState.GENERATED };
    } else if (entry.external !== undefined && entry.external !== null) {
      if (entry.external === true) {
        entry.external = { value: true, info: ImportState.DONE };
        entry.home_committee = { value: null, info: ImportState.GENERATED };
        messages.push("If external is set to true, any home_committee that was set will be removed.");
      } else entry.external = { value: entry.external, info: ImportState.DONE };
    }

    if (this.ctx.userId === entry.id) {
      const isActive = entry.is_active ?? true;
      if (!isActive) {
        entry.is_active = { value: isActive, info: ImportState.ERROR };
        messages.push("A superadmin is not allowed to set himself inactive.");
      }
    }
    return { state: this.rowState, messages, data: entry };
  }

  private handleDefaultPassword(entry: Record<string, any>): void {
    if (this.rowState === ImportState.NEW) {
      if ("default_password" in entry) entry.default_password = { value: entry.default_password, info: ImportState.DONE };
      else entry.default_password = { value: randomPassword(), info: ImportState.GENERATED };
    } else if (this.rowState === ImportState.DONE || this.rowState === ImportState.ERROR) {
      if ("default_password" in entry) entry.default_password = { value: entry.default_password, info: ImportState.DONE };
    }
  }

  /**
   * Upstream check_field_failures of the json_upload: marks the fields the request user may not
   * set with "remove" (plus a message), wraps the other checked fields as {value, info: done}.
   */
  async checkFieldFailures(
    entry: Record<string, any>,
    messages: string[],
    failingMessage: string,
    groups = "ABDEFGHIJ",
    removeHelperFields: (entry: Record<string, any>) => void = () => undefined,
  ): Promise<void> {
    const payloadIndex = entry.payload_index;
    delete entry.payload_index;
    if (entry.gender) {
      entry.gender_id = entry.gender;
      delete entry.gender;
    }
    const homeCommittee = entry.home_committee;
    delete entry.home_committee;
    if (homeCommittee) {
      if (homeCommittee.id || homeCommittee.value === null) entry.home_committee_id = homeCommittee.id;
    }
    const external = entry.external;
    delete entry.external;
    if (external) entry.external = external.value;
    const probe = { ...entry };
    if (probe.gender_id && typeof probe.gender_id === "object") probe.gender_id = probe.gender_id.id ?? null;
    let failing = await getFailingFields(this.ctx, probe, groups);
    removeHelperFields(entry);
    if (!entry.id) failing = failing.filter((field) => field !== "username" && field !== "member_number");
    if (failing.length > 0) messages.push(`${failingMessage} ${failing.map((field) => (field === "home_committee_id" ? "home_committee" : field)).join(", ")}`);
    const checked = allCheckedFields(groups);
    const toMark = Object.keys(entry).filter((field) => checked.has(field));
    if (homeCommittee) {
      entry.home_committee = homeCommittee;
      delete entry.home_committee_id;
    }
    if (external) entry.external = external;
    for (const field of toMark) {
      const actual = !(field in entry) && field.endsWith("_id") ? field.slice(0, -3) : field;
      const current = entry[actual];
      if (failing.includes(field)) {
        if (current && typeof current === "object" && !Array.isArray(current)) {
          if (current.info !== ImportState.ERROR) current.info = ImportState.REMOVE;
        } else entry[actual] = { value: entry[field], info: ImportState.REMOVE };
      } else if (!(current && typeof current === "object" && !Array.isArray(current))) {
        entry[actual] = { value: entry[field], info: ImportState.DONE };
      }
    }
    if (payloadIndex) entry.payload_index = payloadIndex;
    if (entry.gender_id) {
      entry.gender = entry.gender_id;
      delete entry.gender_id;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// import

export class UserImport {
  usernameLookup!: Lookup;
  samlIdLookup!: Lookup;
  memberNumberLookup!: Lookup;
  committeeMap = new Map<number, string>();
  importState: string = ImportState.DONE;

  constructor(
    readonly ctx: ActionContext,
    readonly importName: string,
    readonly rows: ImportRow[],
  ) {}

  async setupLookups(): Promise<void> {
    const { ctx, rows } = this;
    this.usernameLookup = await Lookup.create(
      ctx,
      "user",
      rows.filter((row) => "username" in row.data).map((row) => [row.data.username.value, row.data]),
      "username",
      ["saml_id", "default_password", "password", "can_change_own_password"],
    );
    this.samlIdLookup = await Lookup.create(
      ctx,
      "user",
      rows.filter((row) => "saml_id" in row.data).map((row) => [row.data.saml_id.value, row.data]),
      "saml_id",
    );
    this.memberNumberLookup = await Lookup.create(
      ctx,
      "user",
      rows.filter((row) => "member_number" in row.data).map((row) => [row.data.member_number.value, row.data]),
      "member_number",
      ["default_password", "can_change_own_password"],
    );
    const committeeIds = rows.map((row) => row.data.home_committee?.id).filter((id) => id) as number[];
    const committees = await ctx.db.getMany("committee", committeeIds, ["name"], { useChanges: false });
    this.committeeMap = new Map([...committees.entries()].map(([id, committee]) => [id, committee.name as string]));
  }

  /** Upstream BaseUserImport.validate_entry. */
  validateEntry(row: ImportRow): void {
    let id: number | undefined;
    if (!(row.state === ImportState.DONE && row.data.username?.info === ImportState.NEW)) {
      id = validateWithLookup(this.importName, row, this.usernameLookup, "username");
      validateWithLookup(this.importName, row, this.memberNumberLookup, "member_number", false, id);
    } else {
      id = validateWithLookup(this.importName, row, this.memberNumberLookup, "member_number");
      validateWithLookup(this.importName, row, this.usernameLookup, "username", false, id);
    }
    validateWithLookup(this.importName, row, this.samlIdLookup, "saml_id", false, id);
    validateReferenceField(row, this.committeeMap, "home_committee", false);
  }

  /** Upstream BaseUserImport.check_field_failures: compares the permitted fields with the preview's marks. */
  async checkFieldFailures(entry: Record<string, any>, messages: string[], groups = "ABDEFGHIJ"): Promise<boolean> {
    const substitutions: Record<string, any> = {};
    for (const field of ["home_committee", "gender"]) {
      const content = entry[field];
      delete entry[field];
      if (content) {
        substitutions[field] = content;
        entry[`${field}_id`] = content;
      }
    }
    const previewFailing = new Set(
      Object.keys(entry).filter((field) => entry[field] && typeof entry[field] === "object" && entry[field].info === ImportState.REMOVE),
    );
    for (const field of Object.keys(substitutions)) entry[`${field}_id`] = substitutions[field].id ?? null;
    const failing = await getFailingFields(this.ctx, entry, groups);
    for (const field of Object.keys(substitutions)) {
      entry[field] = substitutions[field];
      delete entry[`${field}_id`];
    }
    const actualField = (field: string) => (!(field in entry) && field.endsWith("_id") ? field.slice(0, -3) : field);
    const less = [...previewFailing].filter((field) => !failing.includes(field)).sort();
    if (less.length > 0) {
      messages.push(`In contrast to preview you may import field(s) '${less.join(", ")}'`);
      for (const field of less) entry[actualField(field)].info = ImportState.DONE;
    }
    const more = failing.filter((field) => !previewFailing.has(field)).sort();
    if (more.length > 0) {
      messages.push(`Error: In contrast to preview you may not import field(s) '${more.join(", ")}'`);
      for (const field of more) {
        const target = entry[actualField(field)];
        if (target && typeof target === "object") target.info = ImportState.ERROR;
      }
      return false;
    }
    return true;
  }

  /** Upstream handle_remove_and_group_fields: the payload of user.create / user.update of a row. */
  handleRemoveAndGroupFields(entry: Record<string, any>): Record<string, any> {
    for (const field of ["groups", "structure_level"]) {
      if (field in entry) {
        const instances = entry[field];
        delete entry[field];
        if (instances && instances.length) {
          entry[`${field.replace(/s$/, "")}_ids`] = (instances as Record<string, any>[]).map((instance) => instance.id).filter((id) => id);
        }
      }
    }
    if ("home_committee" in entry && entry.home_committee.info !== ImportState.REMOVE) {
      const committee = entry.home_committee;
      delete entry.home_committee;
      if (committee?.id) entry.home_committee_id = committee.id;
    }
    const username = valueOfCell(entry.username) ?? "";
    const memberNumber = valueOfCell(entry.member_number);
    const saml = entry.saml_id;
    if (saml && saml.value && saml.info !== ImportState.REMOVE) {
      for (const [field, value] of [
        ["can_change_own_password", false],
        ["default_password", ""],
      ] as const) {
        let fieldData = this.usernameLookup.getFieldByName(username, field);
        if (memberNumber) fieldData = this.memberNumberLookup.getFieldByName(memberNumber, field) || fieldData;
        if (fieldData || entry[field]) entry[field] = value;
      }
    }
    if (entry.gender && typeof entry.gender === "object") {
      if (entry.gender.info !== ImportState.WARNING) entry.gender_id = entry.gender.id;
      delete entry.gender;
    }
    for (const [key, value] of Object.entries(entry)) {
      if (value && typeof value === "object" && !Array.isArray(value) && value.info === ImportState.REMOVE) delete entry[key];
    }
    return entry;
  }

  /** Upstream create_other_actions: user.create for new rows, user.update for the others; the ids per row. */
  async createOtherActions(rows: ImportRow[]): Promise<Array<number | undefined>> {
    const creates: Instance[] = [];
    const updates: Instance[] = [];
    const isCreate: boolean[] = [];
    for (const row of rows) {
      if (row.state === ImportState.NEW) {
        creates.push(row.data);
        isCreate.push(true);
      } else {
        if (String(row.data.username ?? "").includes(" ")) delete row.data.username;
        updates.push(row.data);
        isCreate.push(false);
      }
    }
    const created = creates.length > 0 ? ((await this.ctx.execute("user.create", creates)) ?? []) : [];
    const updated = updates.length > 0 ? ((await this.ctx.execute("user.update", updates)) ?? []) : [];
    return isCreate.map((create) => {
      const result = create ? created.shift() : updated.shift();
      return result && typeof result === "object" ? (result.id as number | undefined) : undefined;
    });
  }

  flatten(): ImportRow[] {
    return flattenRows(this.rows, (entry) => this.handleRemoveAndGroupFields(entry));
  }
}
