// mediafile.upload: mimetype from the filename, checked against the content; size, PDF page count
// and creation time are set; organization files with a token replace the file holding that token;
// the meeting_mediafiles are created (meeting file: with the access groups; organization file
// under a published folder: one per meeting of the folder); the bytes go to the media storage.
import { mimetypeOf, mismatchedMimetype, pdfInformation } from "../../../media/file-type.js";
import { storeFile } from "../../../media/storage.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema, modelFieldSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import {
  archiveCheckOnInternalRoute,
  checkMediafilePermissions,
  createMeetingMediafiles,
  inheritPublication,
  ownerOf,
  validateMediafile,
} from "../../shared/mediafile-rules.js";
import mediafileDelete from "./delete.js";
import { nowTimestamp } from "../../shared/clock.js";

/** New file id -> the file whose token it takes over, per request. */
const replaced = new WeakMap<object, Map<number, number>>();

/** Upstream get_updated_instances: a token replaces the organization file that holds it. */
async function replaceTokens(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  await archiveCheckOnInternalRoute(ctx, data);
  const tokens: unknown[] = [];
  for (const instance of data) {
    const [collection] = await ownerOf(ctx, instance);
    if (collection !== "organization") continue;
    if ("token" in instance && instance.token === null) throw new ActionError("Token should not be None.");
    if (!("token" in instance)) continue;
    tokens.push(instance.token);
    const found = await ctx.db.filter(
      "mediafile",
      {
        and_filter: [
          { field: "token", operator: "=", value: instance.token },
          { field: "owner_id", operator: "=", value: "organization/1" },
        ],
      },
      ["id"],
    );
    if (found.size === 1) {
      const oldId = [...found.keys()][0]!;
      await ctx.execute(mediafileDelete, [{ id: oldId }]);
      let byNewId = replaced.get(ctx.request);
      if (!byNewId) replaced.set(ctx.request, (byNewId = new Map()));
      byNewId.set(Number(instance.id), oldId);
    } else if (found.size > 1) {
      throw new ActionError(`Database corrupt: The resource token has to be unique, but there are ${found.size} tokens "${String(instance.token)}".`);
    }
  }
  if (new Set(tokens).size !== tokens.length) throw new ActionError("It is not permitted to use the same token twice in a request.");
  return data;
}

async function readFile(ctx: ActionContext, instance: Instance): Promise<Instance> {
  instance.create_timestamp = nowTimestamp();
  const filename = String(instance.filename ?? "");
  const encoded = String(instance.file);
  delete instance.file;
  const bytes = Buffer.from(encoded, "base64");
  const mimetype = mimetypeOf(filename);
  if (mimetype === undefined) throw new ActionError(`Cannot guess mimetype for ${filename}.`);
  const sniffed = mismatchedMimetype(filename, mimetype, bytes);
  if (sniffed !== undefined) throw new ActionError(`${filename} does not have a file extension that matches the determined mimetype ${sniffed}.`);
  instance.filesize = bytes.length;
  instance.mimetype = mimetype;
  if (mimetype === "application/pdf") instance.pdf_information = pdfInformation(bytes);
  const id = Number(instance.id);
  const tx = ctx.request.tx;
  const oldId = replaced.get(ctx.request)?.get(id);
  if (oldId !== undefined) {
    // Framework gap: the write request puts creates before deletes, so the old file would still
    // hold the (unique) token when the new one is inserted. Its row is deleted in this request anyway.
    await tx.query("UPDATE mediafile_t SET token = NULL WHERE id = $1", [oldId]);
  }
  // Stored with the request's transaction just before it commits: no bytes for failed requests.
  ctx.request.onSuccess.push(() => storeFile(tx, id, bytes, mimetype));
  return instance;
}

export default defineAction({
  name: "mediafile.upload",
  collection: "mediafile",
  kind: "create",
  schema: createSchema("mediafile", {
    required: ["title", "owner_id", "filename"],
    optional: ["token", "parent_id"],
    additionalRequired: { file: { type: "string" } },
    additionalOptional: { access_group_ids: modelFieldSchema("meeting_mediafile", "access_group_ids") },
  }),
  permission: "mediafile.can_manage",
  checkPermissions: checkMediafilePermissions(),
  skipArchivedMeetingCheck: true,
  prepareData: replaceTokens,
  updateInstance: [validateMediafile, inheritPublication, readFile],
  afterCreate: [createMeetingMediafiles],
});
