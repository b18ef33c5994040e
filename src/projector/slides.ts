// The slides (spec projector 4.4): one HTML fragment per projection, rendered from the
// in-memory state. The HTML is our own (not a client contract); the structure the script relies
// on is `data-is-overlay="true"` for slides shown in the overlay container, and the
// `os-countdown` elements the script keeps ticking.
import { esc, storedHtml } from "./html.js";
import { translator, type Translate } from "./translate.js";
import { amendmentChanges, amendmentDiff, applyChanges, diffHtml, diffText, numberLines, renderTokens, tokenize, type TextChange } from "./motion-text.js";

export type Model = Readonly<Record<string, unknown>>;

/** What the slides read: the in-memory state fits. */
export interface SlideReader {
  get(fqid: string): Model | undefined;
}

export interface SlideRequest {
  reader: SlideReader;
  projection: Model;
  meeting: Model;
  options: Record<string, unknown>;
  /** The content object's collection and id. */
  collection: string;
  id: number;
  /** The slide labels in the projector's language. */
  t: Translate;
}

type SlideRenderer = (request: SlideRequest) => string;

const ids = (value: unknown): number[] => (Array.isArray(value) ? value.filter((id): id is number => typeof id === "number") : []);
const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

function splitFqid(fqid: unknown): { collection: string; id: number } | undefined {
  if (typeof fqid !== "string") return undefined;
  const match = /^([a-z_]+)\/(\d+)$/.exec(fqid);
  return match ? { collection: match[1]!, id: Number(match[2]) } : undefined;
}

function userName(reader: SlideReader, meetingUserId: unknown): string {
  const meetingUser = typeof meetingUserId === "number" ? reader.get(`meeting_user/${meetingUserId}`) : undefined;
  const user = typeof meetingUser?.user_id === "number" ? reader.get(`user/${meetingUser.user_id}`) : undefined;
  if (!user) return "";
  const name = [user.title, user.first_name, user.last_name].filter((part) => typeof part === "string" && part.trim() !== "").join(" ");
  const shown = name || String(user.username ?? "");
  return typeof user.pronoun === "string" && user.pronoun ? `${shown} (${user.pronoun})` : shown;
}

function structureLevels(reader: SlideReader, meetingUserId: unknown): string {
  const meetingUser = typeof meetingUserId === "number" ? reader.get(`meeting_user/${meetingUserId}`) : undefined;
  return ids(meetingUser?.structure_level_ids)
    .map((id) => reader.get(`structure_level/${id}`)?.name)
    .filter((name): name is string => typeof name === "string")
    .join(", ");
}

/** The title of an agenda or speaker list's content object, with its number where it has one. */
export function contentTitle(reader: SlideReader, fqid: unknown): { title: string; number: string } {
  const target = splitFqid(fqid);
  const model = target ? reader.get(`${target.collection}/${target.id}`) : undefined;
  if (!target || !model) return { title: "", number: "" };
  const agendaItem = typeof model.agenda_item_id === "number" ? reader.get(`agenda_item/${model.agenda_item_id}`) : undefined;
  const itemNumber = typeof agendaItem?.item_number === "string" ? agendaItem.item_number : "";
  switch (target.collection) {
    case "motion":
      return { title: String(model.title ?? ""), number: typeof model.number === "string" && model.number ? model.number : itemNumber };
    case "meeting_mediafile": {
      const file = typeof model.mediafile_id === "number" ? reader.get(`mediafile/${model.mediafile_id}`) : undefined;
      return { title: String(file?.title ?? file?.filename ?? ""), number: "" };
    }
    case "poll":
      return { title: String(model.title ?? ""), number: "" };
    default:
      return { title: String(model.title ?? ""), number: itemNumber };
  }
}

function heading(title: string, number: string, subtitle = ""): string {
  const shown = number ? `${esc(number)} · ${esc(title)}` : esc(title);
  return `<div class="slide-title"><h1>${shown}</h1>${subtitle ? `<h2>${subtitle}</h2>` : ""}</div>`;
}

// ---------------------------------------------------------------------------------------------
// Slides

const topic: SlideRenderer = ({ reader, collection, id }) => {
  const model = reader.get(`${collection}/${id}`);
  if (!model) return "";
  const { title, number } = contentTitle(reader, `topic/${id}`);
  return `<div class="content topic">${heading(title, number)}<div class="text">${storedHtml(model.text)}</div></div>`;
};

/** A JSON object field as stored (object or JSON text). */
function jsonObject(value: unknown): Record<string, unknown> | undefined {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value === "string" && value) {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // not JSON
    }
  }
  return undefined;
}

/** The visible (not internal) change recommendations of a motion; title changes have line_from 0. */
function changeRecommendations(reader: SlideReader, motion: Model): { title: Model[]; text: Model[] } {
  const all = ids(motion.change_recommendation_ids)
    .map((crId) => reader.get(`motion_change_recommendation/${crId}`))
    .filter((cr): cr is Model => !!cr && cr.internal !== true);
  return { title: all.filter((cr) => !num(cr.line_from)), text: all.filter((cr) => (num(cr.line_from) ?? 0) > 0) };
}

const toChange = (cr: Model): TextChange => ({ lineFrom: num(cr.line_from) ?? 0, lineTo: num(cr.line_to) ?? 0, text: storedHtml(cr.text) });

/** The amendments merged into the final version (state merge_amendment_into_final = do_merge), as line changes of the lead motion. */
function mergedAmendmentChanges(t: Translate, reader: SlideReader, motion: Model, lineLength: number): TextChange[] {
  const changes: TextChange[] = [];
  for (const amendmentId of ids(motion.amendment_ids)) {
    const amendment = reader.get(`motion/${amendmentId}`);
    const state = typeof amendment?.state_id === "number" ? reader.get(`motion_state/${amendment.state_id}`) : undefined;
    if (!amendment || state?.merge_amendment_into_final !== "do_merge") continue;
    const paragraphs = jsonObject(amendment.amendment_paragraphs);
    if (!paragraphs) continue;
    const sanitized = Object.fromEntries(Object.entries(paragraphs).map(([key, value]) => [key, storedHtml(value)]));
    const title = typeof amendment.number === "string" && amendment.number ? amendment.number : t("Amendment");
    changes.push(...amendmentChanges(storedHtml(motion.text), sanitized, lineLength, esc(title)));
  }
  return changes;
}

/** The motion title in the mode: changed by a title recommendation (the diff mode shows the change below, as upstream). */
function motionTitle(model: Model, mode: string, titleRecommendations: Model[]): string {
  const change = titleRecommendations.find((cr) => cr.rejected !== true);
  if (!change || mode === "original" || mode === "diff") return esc(model.title);
  return storedHtml(change.text).trim();
}

/** The motion text in the projection's mode, line-numbered as the meeting says. */
function motionText(t: Translate, reader: SlideReader, meeting: Model, model: Model, mode: string, titleRecommendations: Model[], textRecommendations: Model[]): string {
  const lineLength = num(meeting.motions_line_length) ?? 85;
  const numbering = typeof meeting.motions_default_line_numbering === "string" ? meeting.motions_default_line_numbering : "outside";
  const lineOptions = { firstLine: num(model.start_line_number) ?? 1 };
  const wrap = (html: string, diff = false) => `<div class="motion-text${diff ? " motion-text-diff" : ""} line-numbers-${esc(numbering)}">${html}</div>`;
  const text = storedHtml(model.text);
  const lead = typeof model.lead_motion_id === "number" ? reader.get(`motion/${model.lead_motion_id}`) : undefined;
  const paragraphs = jsonObject(model.amendment_paragraphs);
  if (typeof model.lead_motion_id === "number" && !text) {
    // A paragraph-based amendment: its changed paragraphs as diffs against the lead motion.
    if (!lead || !paragraphs || Object.keys(paragraphs).length === 0) return `<div class="alert alert-info">${esc(t("No changes at the text."))}</div>`;
    const changed = Object.fromEntries(Object.entries(paragraphs).map(([key, value]) => [key, storedHtml(value)]));
    const leadOptions = { firstLine: num(lead.start_line_number) ?? 1 };
    return wrap(amendmentDiff(storedHtml(lead.text), changed, lineLength, leadOptions, esc(t("Line"))), true);
  }
  const recommended = textRecommendations.filter((cr) => cr.rejected !== true).map(toChange);
  switch (mode) {
    case "changed":
      return wrap(renderTokens(applyChanges(text, recommended, lineLength), lineOptions));
    case "agreed":
      return wrap(renderTokens(applyChanges(text, [...recommended, ...mergedAmendmentChanges(t, reader, model, lineLength)], lineLength), lineOptions));
    case "diff": {
      const title = titleRecommendations.find((cr) => cr.rejected !== true);
      const titleDiff = title ? `<div class="title-change"><div class="bold">${esc(t("Changed title"))}:</div>${diffHtml(esc(model.title), storedHtml(title.text).trim())}</div>` : "";
      return wrap(titleDiff + diffText(text, [...recommended, ...mergedAmendmentChanges(t, reader, model, lineLength)], lineLength, lineOptions), true);
    }
    case "modified_final_version":
      if (typeof model.modified_final_version === "string" && model.modified_final_version) return wrap(renderTokens(numberLines(tokenize(storedHtml(model.modified_final_version)), lineLength), lineOptions));
      return wrap(renderTokens(numberLines(tokenize(text), lineLength), lineOptions));
    default:
      return wrap(renderTokens(numberLines(tokenize(text), lineLength), lineOptions));
  }
}

const motion: SlideRenderer = ({ t, reader, meeting, options, id }) => {
  const model = reader.get(`motion/${id}`);
  if (!model) return "";
  const mode = typeof options.mode === "string" ? options.mode : "original";
  const submitters = ids(model.submitter_ids)
    .map((submitterId) => reader.get(`motion_submitter/${submitterId}`))
    .filter((submitter): submitter is Model => !!submitter)
    .sort((a, b) => (num(a.weight) ?? 0) - (num(b.weight) ?? 0))
    .map((submitter) => userName(reader, submitter.meeting_user_id))
    .filter(Boolean);
  if (typeof model.additional_submitter === "string" && model.additional_submitter) submitters.push(model.additional_submitter);
  const recommendations = changeRecommendations(reader, model);
  const subtitle = submitters.length ? `<span class="submitters">${esc(submitters.join(", "))}</span>` : "";
  const number = typeof model.number === "string" && model.number ? `${esc(model.number)} · ` : "";
  const title = motionTitle(model, mode, recommendations.title);
  const parts = [`<div class="content motion" data-mode="${esc(mode)}">`, `<div class="slide-title"><h1>${number}<span class="motion-title">${title}</span></h1>${subtitle ? `<h2>${subtitle}</h2>` : ""}</div>`];
  if (meeting.motions_enable_sidebox_on_projector !== false) {
    const state = typeof model.state_id === "number" ? reader.get(`motion_state/${model.state_id}`) : undefined;
    const recommendation = typeof model.recommendation_id === "number" ? reader.get(`motion_state/${model.recommendation_id}`) : undefined;
    const rows: string[] = [];
    if (state) rows.push(`<div class="row"><span class="label">${esc(t("State"))}</span> <span class="value motion-state">${esc(state.name)}</span></div>`);
    if (recommendation && meeting.motions_enable_recommendation_on_projector !== false) {
      const label = typeof meeting.motions_recommendations_by === "string" && meeting.motions_recommendations_by ? meeting.motions_recommendations_by : t("Recommendation");
      rows.push(`<div class="row"><span class="label">${esc(label)}</span> <span class="value motion-recommendation">${esc(recommendation.recommendation_label ?? recommendation.name)}</span></div>`);
    }
    if (rows.length) parts.push(`<div class="sidebox">${rows.join("")}</div>`);
  }
  if (meeting.motions_enable_text_on_projector !== false) {
    const preamble = typeof meeting.motions_preamble === "string" && meeting.motions_preamble && model.text ? `<span class="text-prefix-label">${esc(meeting.motions_preamble)}</span>` : "";
    parts.push(`<div class="text">${preamble}${motionText(t, reader, meeting, model, mode, recommendations.title, recommendations.text)}</div>`);
  }
  if (meeting.motions_enable_reason_on_projector === true && typeof model.reason === "string" && model.reason) {
    parts.push(`<div class="reason"><h3>${esc(t("Reason"))}</h3>${storedHtml(model.reason)}</div>`);
  }
  parts.push(`</div>`);
  return parts.join("");
};

/** The list of speakers a `current_los` projection shows: that of the reference projector's first content with one. */
function currentListOfSpeakers(reader: SlideReader, meeting: Model): number | undefined {
  const reference = typeof meeting.reference_projector_id === "number" ? reader.get(`projector/${meeting.reference_projector_id}`) : undefined;
  for (const projectionId of ids(reference?.current_projection_ids)) {
    const projection = reader.get(`projection/${projectionId}`);
    const target = splitFqid(projection?.content_object_id);
    if (!target) continue;
    if (target.collection === "list_of_speakers") return target.id;
    const content = reader.get(`${target.collection}/${target.id}`);
    if (typeof content?.list_of_speakers_id === "number") return content.list_of_speakers_id;
  }
  return undefined;
}

function speakerLine(reader: SlideReader, t: Translate, speaker: Model, className: string, index?: number): string {
  const marks: string[] = [];
  if (speaker.point_of_order === true) marks.push(`<span class="mark point-of-order">${esc(t("Point of order"))}</span>`);
  if (speaker.speech_state === "pro") marks.push(`<span class="mark pro">${esc(t("Pro"))}</span>`);
  if (speaker.speech_state === "contra") marks.push(`<span class="mark contra">${esc(t("Contra"))}</span>`);
  if (speaker.speech_state === "contribution") marks.push(`<span class="mark contribution">${esc(t("Contribution"))}</span>`);
  if (speaker.speech_state === "intervention") marks.push(`<span class="mark intervention">${esc(t("Intervention"))}</span>`);
  if (speaker.speech_state === "interposed_question") marks.push(`<span class="mark interposed-question">${esc(t("Interposed question"))}</span>`);
  const levels = structureLevels(reader, speaker.meeting_user_id);
  return `<li class="${className}">${index !== undefined ? `<span class="position">${index}.</span> ` : ""}<span class="name">${esc(userName(reader, speaker.meeting_user_id))}</span>${levels ? ` <span class="structure-level">(${esc(levels)})</span>` : ""}${marks.join("")}</li>`;
}

const listOfSpeakers: SlideRenderer = ({ t, reader, meeting, projection, collection, id }) => {
  const losId = collection === "meeting" ? currentListOfSpeakers(reader, meeting) : id;
  const los = losId !== undefined ? reader.get(`list_of_speakers/${losId}`) : undefined;
  if (!los) return "";
  const speakers = ids(los.speaker_ids)
    .map((speakerId) => reader.get(`speaker/${speakerId}`))
    .filter((speaker): speaker is Model => !!speaker);
  const waiting = speakers.filter((s) => s.begin_time == null).sort((a, b) => (num(a.weight) ?? 0) - (num(b.weight) ?? 0));
  const current = speakers.filter((s) => s.begin_time != null && s.end_time == null);
  const finished = speakers.filter((s) => s.begin_time != null && s.end_time != null).sort((a, b) => (num(a.end_time) ?? 0) - (num(b.end_time) ?? 0));
  const overlay = projection.stable === true;
  if (overlay && waiting.length === 0) return "";
  const amountLast = num(meeting.list_of_speakers_amount_last_on_projector) ?? 0;
  const amountNext = num(meeting.list_of_speakers_amount_next_on_projector) ?? -1;
  const shownLast = amountLast < 0 ? finished : amountLast === 0 ? [] : finished.slice(-amountLast);
  const shownNext = amountNext < 0 ? waiting : waiting.slice(0, amountNext);
  const { title, number } = contentTitle(reader, los.content_object_id);
  const parts = [`<div class="content list-of-speakers${overlay ? " overlay" : ""}"${overlay ? ` data-is-overlay="true"` : ""}>`];
  parts.push(overlay ? `<h3>${esc(t("List of speakers"))}</h3>` : heading(title, number, `${esc(t("List of speakers"))}${los.closed === true ? ` <span class="closed">(${esc(t("closed"))})</span>` : ""}`));
  if (!overlay && shownLast.length) parts.push(`<ul class="finished">${shownLast.map((s) => speakerLine(reader, t, s, "finished")).join("")}</ul>`);
  if (!overlay && current.length) parts.push(`<ul class="current">${current.map((s) => speakerLine(reader, t, s, "current")).join("")}</ul>`);
  if (shownNext.length) parts.push(`<ol class="waiting">${shownNext.map((s, index) => speakerLine(reader, t, s, "waiting", index + 1)).join("")}</ol>`);
  if (meeting.list_of_speakers_show_amount_of_speakers_on_slide === true) parts.push(`<div class="amount">${esc(t("Number of speakers"))}: ${waiting.length}</div>`);
  parts.push(`</div>`);
  return parts.join("");
};

export function countdownElement(countdown: Model, warningTime: number, displayType: string): string {
  return `<os-countdown id="countdown-${esc(countdown.id)}" data-running="${countdown.running === true}" data-countdown-time="${esc(num(countdown.countdown_time) ?? 0)}" data-default-time="${esc(num(countdown.default_time) ?? 0)}" data-warning-time="${esc(warningTime)}" data-display-type="${esc(displayType)}"></os-countdown>`;
}

const projectorCountdown: SlideRenderer = ({ reader, meeting, options, id }) => {
  const countdown = reader.get(`projector_countdown/${id}`);
  if (!countdown) return "";
  const fullscreen = options.fullscreen === true;
  const displayType = typeof options.displayType === "string" ? options.displayType : "onlyCountdown";
  const element = countdownElement(countdown, num(meeting.projector_countdown_warning_time) ?? 0, displayType);
  const description = !fullscreen && typeof countdown.description === "string" && countdown.description ? `<div class="description">${esc(countdown.description)}</div>` : "";
  return `<div class="countdown ${fullscreen ? "fullscreen" : "overlay"}"${fullscreen ? "" : ` data-is-overlay="true"`}>${element}${description}</div>`;
};

const projectorMessage: SlideRenderer = ({ reader, id }) => {
  const message = reader.get(`projector_message/${id}`);
  if (!message) return "";
  return `<div class="message-background" data-is-overlay="true"><div class="message">${storedHtml(message.message)}</div></div>`;
};

const agendaItemList: SlideRenderer = ({ t, reader, meeting, options }) => {
  const onlyMain = options.only_main_items === true;
  const showInternal = meeting.agenda_show_internal_items_on_projector === true;
  const items = ids(meeting.agenda_item_ids)
    .map((id) => reader.get(`agenda_item/${id}`))
    .filter((item): item is Model => !!item)
    .filter((item) => item.is_hidden !== true && (showInternal || item.is_internal !== true))
    .filter((item) => !onlyMain || item.parent_id == null);
  // Tree order: children follow their parent, siblings by weight.
  const byParent = new Map<number | null, Model[]>();
  const present = new Set(items.map((item) => item.id as number));
  for (const item of items) {
    const parent = typeof item.parent_id === "number" && present.has(item.parent_id) ? item.parent_id : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), item]);
  }
  const ordered: Array<{ item: Model; level: number }> = [];
  const walk = (parent: number | null, level: number) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => (num(a.weight) ?? 0) - (num(b.weight) ?? 0) || (a.id as number) - (b.id as number));
    for (const child of children) {
      ordered.push({ item: child, level });
      walk(child.id as number, level + 1);
    }
  };
  walk(null, 0);
  const rows = ordered.map(({ item, level }) => {
    const { title } = contentTitle(reader, item.content_object_id);
    const number = typeof item.item_number === "string" && item.item_number ? `${esc(item.item_number)} · ` : "";
    return `<li class="agenda-item level-${level}${item.closed === true ? " closed" : ""}" style="margin-left: ${level * 1.5}em">${number}${esc(title)}</li>`;
  });
  return `<div class="content agenda-item-list"><div class="slide-title"><h1>${esc(t("Agenda"))}</h1></div><ul>${rows.join("")}</ul></div>`;
};

const home: SlideRenderer = ({ meeting }) =>
  `<div class="content home"><div class="slide-title"><h1>${esc(meeting.welcome_title)}</h1></div><div class="text">${storedHtml(meeting.welcome_text)}</div></div>`;

const assignment: SlideRenderer = ({ t, reader, id }) => {
  const model = reader.get(`assignment/${id}`);
  if (!model) return "";
  const candidates = ids(model.candidate_ids)
    .map((candidateId) => reader.get(`assignment_candidate/${candidateId}`))
    .filter((candidate): candidate is Model => !!candidate)
    .sort((a, b) => (num(a.weight) ?? 0) - (num(b.weight) ?? 0))
    .map((candidate) => `<li>${esc(userName(reader, candidate.meeting_user_id))}</li>`);
  const { title, number } = contentTitle(reader, `assignment/${id}`);
  return `<div class="content assignment">${heading(title, number, esc(t("Election")))}<div class="text">${storedHtml(model.description)}</div>${candidates.length ? `<h3>${esc(t("Candidates"))}</h3><ol class="candidates">${candidates.join("")}</ol>` : ""}</div>`;
};

const motionBlock: SlideRenderer = ({ t, reader, id }) => {
  const block = reader.get(`motion_block/${id}`);
  if (!block) return "";
  const rows = ids(block.motion_ids)
    .map((motionId) => reader.get(`motion/${motionId}`))
    .filter((motion): motion is Model => !!motion)
    .sort((a, b) => (num(a.sort_weight) ?? 0) - (num(b.sort_weight) ?? 0) || (a.id as number) - (b.id as number))
    .map((motion) => {
      const recommendation = typeof motion.recommendation_id === "number" ? reader.get(`motion_state/${motion.recommendation_id}`) : undefined;
      const label = recommendation ? ` <span class="recommendation">${esc(recommendation.recommendation_label ?? recommendation.name)}</span>` : "";
      return `<li>${motion.number ? `${esc(motion.number)} · ` : ""}${esc(motion.title)}${label}</li>`;
    });
  return `<div class="content motion-block">${heading(String(block.title ?? ""), "", esc(t("Motion block")))}<ul>${rows.join("")}</ul></div>`;
};

const meetingMediafile: SlideRenderer = ({ reader, id, options }) => {
  const meetingMediafile = reader.get(`meeting_mediafile/${id}`);
  const file = typeof meetingMediafile?.mediafile_id === "number" ? reader.get(`mediafile/${meetingMediafile.mediafile_id}`) : undefined;
  if (!file) return "";
  const url = `/system/media/get-meeting/${id}`;
  const mimetype = String(file.mimetype ?? "");
  if (mimetype.startsWith("image/")) return `<div class="content mediafile image${options.fullscreen === false ? "" : " fullscreen"}"><img src="${esc(url)}" alt="${esc(file.title)}"></div>`;
  if (mimetype === "application/pdf") {
    const page = num(options.page) ?? 1;
    return `<div class="content mediafile pdf"><iframe src="${esc(url)}#page=${page}&toolbar=0" title="${esc(file.title)}"></iframe></div>`;
  }
  return `<div class="content mediafile">${heading(String(file.title ?? ""), "")}</div>`;
};

function wifiEscape(value: string): string {
  return value.replace(/([\\;,":])/g, "\\$1");
}

const wifiAccessData: SlideRenderer = ({ t, meeting }) => {
  const ssid = String(meeting.users_pdf_wlan_ssid ?? "");
  const password = String(meeting.users_pdf_wlan_password ?? "");
  const encryption = String(meeting.users_pdf_wlan_encryption ?? "");
  const qr = `WIFI:S:${wifiEscape(ssid)};T:${wifiEscape(encryption)};P:${wifiEscape(password)};;`;
  return `<div class="content wifi-access-data"><div class="slide-title"><h1>${esc(t("WLAN access data"))}</h1></div><dl><dt>${esc(t("WLAN name (SSID)"))}</dt><dd>${esc(ssid)}</dd><dt>${esc(t("WLAN password"))}</dt><dd>${esc(password)}</dd><dt>${esc(t("WLAN encryption"))}</dt><dd>${esc(encryption)}</dd></dl><div class="wifi-qr" data-qr="${esc(qr)}"></div></div>`;
};

// ---------------------------------------------------------------------------------------------
// Poll results (upstream: a chart slide for single-option and motion-like polls, else a table)

/** A decimal field (stored as text) as a number; undefined when unset. */
const decimal = (value: unknown): number | undefined => {
  const parsed = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
};

/** A number as upstream prints decimals: no trailing zeros. */
const shown = (value: number | undefined): string => (value === undefined ? "0" : String(Math.round(value * 1e6) / 1e6));

/** value / base in percent, rounded to `digits` decimals; "" without a base. */
function percent(value: number | undefined, base: number | undefined, digits = 3): string {
  if (!base) return "";
  const factor = 10 ** digits;
  return String(Math.round(((value ?? 0) / base) * 100 * factor) / factor);
}

function entitledUsers(pollModel: Model): { present: boolean }[] {
  let value = pollModel.entitled_users_at_stop;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      value = undefined;
    }
  }
  return Array.isArray(value) ? value.filter((entry): entry is Model => !!entry && typeof entry === "object").map((entry) => ({ present: entry.present === true })) : [];
}

/** The votes that are 100 % (upstream Poll_OneHundredPercentBase); undefined when there is none. */
function hundredPercentBase(pollModel: Model, options: Model[], globalOption: Model | undefined, option?: Model): number | undefined {
  if (options.length === 0) return undefined;
  const selected = option ?? (options.length === 1 ? options[0] : undefined);
  const base = pollModel.onehundred_percent_base;
  if (!selected && (base === "YN" || base === "YNA")) return undefined;
  switch (base) {
    case "Y":
      return (decimal(pollModel.votesvalid) ?? 0) - (decimal(globalOption?.no) ?? 0) - (decimal(globalOption?.abstain) ?? 0);
    case "YN":
      return (decimal(selected!.yes) ?? 0) + (decimal(selected!.no) ?? 0);
    case "YNA":
      return (decimal(selected!.yes) ?? 0) + (decimal(selected!.no) ?? 0) + (decimal(selected!.abstain) ?? 0);
    case "valid":
      return decimal(pollModel.votesvalid);
    case "cast":
      return decimal(pollModel.votescast);
    case "entitled":
      return entitledUsers(pollModel).length;
    case "entitled_present":
      return entitledUsers(pollModel).filter((entry) => entry.present).length;
    default:
      return undefined;
  }
}

/** An option's label: its text, the candidate's name with structure levels, or the nomination list. */
function optionLabel(t: Translate, reader: SlideReader, option: Model): string {
  if (typeof option.text === "string" && option.text) return option.text;
  const target = splitFqid(option.content_object_id);
  if (target?.collection === "user") {
    const user = reader.get(`user/${target.id}`);
    const meetingUser = ids(user?.meeting_user_ids)
      .map((meetingUserId) => reader.get(`meeting_user/${meetingUserId}`))
      .find((candidate) => candidate?.meeting_id === option.meeting_id);
    const levels = meetingUser ? structureLevels(reader, meetingUser.id) : "";
    const name = [user?.first_name, user?.last_name].filter((part) => typeof part === "string" && part).join(" ") || String(user?.username ?? "");
    return levels ? `${name} (${levels})` : name;
  }
  if (target?.collection === "poll_candidate_list") return t("Confirmation of the nomination list");
  return "";
}

function globalSums(t: Translate, pollModel: Model, globalOption: Model | undefined): { name: string; total: number | undefined }[] {
  if (!globalOption) return [];
  const sums: { name: string; total: number | undefined }[] = [];
  if (pollModel.global_yes === true && pollModel.pollmethod !== "N") sums.push({ name: t("General approval"), total: decimal(globalOption.yes) });
  if (pollModel.global_no === true) sums.push({ name: t("General rejection"), total: decimal(globalOption.no) });
  if (pollModel.global_abstain === true) sums.push({ name: t("General abstain"), total: decimal(globalOption.abstain) });
  return sums;
}

/** A doughnut chart as SVG (upstream draws it with chart.js). */
function doughnut(entries: { color: string; value: number }[]): string {
  const total = entries.reduce((sum, entry) => sum + Math.max(0, entry.value), 0);
  if (!total) return "";
  const circumference = 2 * Math.PI * 40;
  let offset = 0;
  const arcs = entries
    .filter((entry) => entry.value > 0)
    .map((entry) => {
      const length = (entry.value / total) * circumference;
      const arc = `<circle cx="50" cy="50" r="40" fill="none" style="stroke: ${esc(entry.color)}" stroke-width="20" stroke-dasharray="${length.toFixed(3)} ${(circumference - length).toFixed(3)}" stroke-dashoffset="${(-offset).toFixed(3)}"></circle>`;
      offset += length;
      return arc;
    });
  return `<div class="doughnut-chart-slide"><svg class="poll-chart" viewBox="0 0 100 100" aria-hidden="true"><g transform="rotate(-90 50 50)">${arcs.join("")}</g></svg></div>`;
}

const CHART_PALETTE = ["#317796", "#4caf50", "#cc6c5b", "#ff9800", "#9c27b0", "#009688", "#795548", "#607d8b"];

/** Single option or motion-like polls: Yes/No/Abstain (or the options) with their shares and a doughnut. */
function pollChart(t: Translate, reader: SlideReader, pollModel: Model, options: Model[], globalOption: Model | undefined): string {
  const base = hundredPercentBase(pollModel, options, globalOption);
  const method = String(pollModel.pollmethod ?? "");
  const baseName = String(pollModel.onehundred_percent_base ?? "");
  const rows: { type: string; color: string; name: string; total: number | undefined; perc: string; global?: boolean }[] = [];
  let resultTitle = "";
  if (options.length === 1) {
    const option = options[0]!;
    resultTitle = optionLabel(t, reader, option);
    const showPerc = (letter: string) => baseName.includes(letter) && baseName !== "cast" && baseName !== "valid";
    if (method.includes("Y")) rows.push({ type: "yes", color: "var(--theme-yes, #4caf50)", name: t("Yes"), total: decimal(option.yes), perc: showPerc("Y") ? "y" : "" });
    if (method.includes("N")) rows.push({ type: "no", color: "var(--theme-no, #cc6c5b)", name: t("No"), total: decimal(option.no), perc: showPerc("N") ? "y" : "" });
    if (method.includes("A")) rows.push({ type: "abstain", color: "var(--theme-abstain, #a6a6a6)", name: t("Abstain"), total: decimal(option.abstain), perc: showPerc("A") ? "y" : "" });
  } else {
    options
      .map((option) => ({ name: optionLabel(t, reader, option), total: decimal(option.yes) }))
      .sort((a, b) => (b.total ?? 0) - (a.total ?? 0))
      .forEach((option, index) => rows.push({ type: "option", color: CHART_PALETTE[index % CHART_PALETTE.length]!, name: option.name, total: option.total, perc: "y" }));
  }
  for (const sum of globalSums(t, pollModel, globalOption)) rows.push({ type: "global", color: "", name: sum.name, total: sum.total, perc: "y", global: true });
  const chart: { color: string; value: number }[] = [];
  for (const row of rows) {
    if (baseName === "YN" && row.type === "abstain") continue;
    chart.push({ color: row.color || "#9e9e9e", value: row.total ?? 0 });
    row.perc = row.perc && base ? percent(row.total, base) : "";
  }
  const validPerc = base && baseName !== "YN" && baseName !== "YNA" ? percent(decimal(pollModel.votesvalid), base) : "";
  const body = rows
    .map(
      (row) =>
        `<tr class="result-row ${row.type}"${row.global ? "" : ` style="color: ${esc(row.color)}"`}><td class="label-column"><span class="option-name">${esc(row.name)}</span></td><td class="result-cell-definition votes">${esc(shown(row.total))}</td><td class="result-cell-definition percent">${row.perc ? `${esc(row.perc)} %` : ""}</td></tr>`,
    )
    .join("");
  const valid = `<tr class="valid-votes-row"><td>${esc(t("Valid votes"))}</td><td class="result-cell-definition votes">${esc(shown(decimal(pollModel.votesvalid)))}</td>${validPerc ? `<td class="result-cell-definition percent">${esc(validPerc)} %</td>` : ""}</tr>`;
  return `${resultTitle ? `<h3 class="result-title">${esc(resultTitle)}</h3>` : ""}<div class="result-wrapper"><table class="result-table poll-chart-table"><tbody>${body}${valid}</tbody></table>${doughnut(chart)}</div>`;
}

/** Polls with several options (elections): one row per option with Yes/No/Abstain and the sums. */
function pollTable(t: Translate, reader: SlideReader, meeting: Model, pollModel: Model, options: Model[], globalOption: Model | undefined): string {
  const method = String(pollModel.pollmethod ?? "");
  const baseName = String(pollModel.onehundred_percent_base ?? "");
  const methods = { yes: method.includes("Y"), no: method.includes("N"), abstain: method.includes("A") };
  const displayPercAbstain = baseName.includes("A") || baseName === "cast" || baseName === "valid";
  const rows = options.map((option) => {
    const base = hundredPercentBase(pollModel, options, globalOption, option);
    let yes = decimal(option.yes);
    if (method === "N") yes = (decimal(pollModel.votesvalid) ?? 0) - (decimal(option.no) ?? 0) - (pollModel.global_abstain === true ? (decimal(globalOption?.abstain) ?? 0) : 0);
    const no = decimal(option.no);
    const abstain = decimal(option.abstain);
    const perc = (value: number | undefined) => (base ? String(Math.round(((value ?? 0) / base) * 1e5) / 1e3) : "0");
    return { name: optionLabel(t, reader, option), yes, no, abstain, percYes: perc(yes), percNo: perc(no), percAbstain: perc(abstain) };
  });
  if (meeting.assignment_poll_sort_poll_result_by_votes === true) rows.sort((a, b) => (b.yes ?? 0) - (a.yes ?? 0));
  const cells = (type: string, value: number | undefined, perc: string, showPerc: boolean) =>
    (value ?? 0) < 0
      ? `<td colspan="2" class="result ${type}">${esc(t("majority"))}</td>`
      : `<td class="result ${type} percent">${showPerc && baseName !== "disabled" ? `<span>(${esc(perc)} %)</span>` : ""}</td><td class="result ${type} votes"><span>${esc(shown(value))}</span></td>`;
  const head = [
    methods.yes ? `<th colspan="2" class="result yes">${esc(t("Yes"))}</th>` : "",
    methods.no ? (methods.yes ? `<th colspan="2" class="result no">${esc(t("No"))}</th>` : `<th colspan="2" class="result yes">${esc(t("Votes"))}</th>`) : "",
    methods.abstain ? `<th colspan="2" class="result abstain">${esc(t("Abstain"))}</th>` : "",
  ].join("");
  const body = rows.map((row, index) => {
    const results = [
      methods.yes ? cells("yes", row.yes, row.percYes, true) : "",
      methods.no ? (methods.yes ? cells("no", row.no, row.percNo, true) : cells("yes", row.yes, row.percYes, true)) : "",
      methods.abstain ? cells("abstain", row.abstain, row.percAbstain, displayPercAbstain) : "",
    ].join("");
    return `<tr class="user"><td><span>${index + 1}.</span></td><td class="voting-option"><span class="candidate-name">${esc(row.name)}</span></td>${results}</tr>`;
  });
  const sums = globalSums(t, pollModel, globalOption);
  sums.push({ name: t("Valid votes"), total: decimal(pollModel.votesvalid) });
  if (decimal(pollModel.votesinvalid)) sums.push({ name: t("Invalid votes"), total: decimal(pollModel.votesinvalid) });
  if (decimal(pollModel.votescast) && pollModel.type === "analog") sums.push({ name: t("Total votes cast"), total: decimal(pollModel.votescast) });
  const base = hundredPercentBase(pollModel, options, globalOption);
  const sumRows = sums.map((sum) => ({ ...sum, perc: base && (!globalOption || !baseName.startsWith("Y")) ? percent(sum.total, base) : "" }));
  if (baseName === "entitled") sumRows.push({ name: t("Entitled users"), total: base, perc: "100" });
  if (baseName === "entitled_present") sumRows.push({ name: t("Entitled present users"), total: base, perc: "100" });
  const sumHtml = sumRows.map(
    (sum) => `<tr class="sums"><td></td><td class="voting-option"><span class="candidate-name">${esc(sum.name)}</span></td><td class="result percent">${sum.perc ? `<span>(${esc(sum.perc)} %)</span>` : ""}</td><td class="result votes"><span>${esc(shown(sum.total))}</span></td></tr>`,
  );
  return `<div class="scroll-inner"><table class="poll-result-table"><thead><tr><th colspan="2"></th>${head}</tr></thead><tbody>${body.join("")}${sumHtml.join("")}</tbody></table></div>`;
}

/** Who voted what (named polls): user id → "Y"/"N"/"A" or, with several options, the option's position. */
function singleVoteMap(reader: SlideReader, pollModel: Model, options: Model[], globalOption: Model | undefined): Map<number, string> {
  const votes = new Map<number, string>();
  const several = options.length > 1;
  if (pollModel.state === "published" || pollModel.state === "finished") {
    for (const vote of ids(globalOption?.vote_ids).map((voteId) => reader.get(`vote/${voteId}`))) {
      if (typeof vote?.user_id === "number" && typeof vote.value === "string") votes.set(vote.user_id, vote.value);
    }
    options.forEach((option, index) => {
      for (const vote of ids(option.vote_ids).map((voteId) => reader.get(`vote/${voteId}`))) {
        if (typeof vote?.user_id === "number" && typeof vote.value === "string") votes.set(vote.user_id, several ? String(index + 1) : vote.value);
      }
    });
    return votes;
  }
  const live = jsonObject(pollModel.live_votes);
  for (const [userId, entry] of Object.entries(live ?? {})) {
    const parsed = jsonObject(entry);
    const value = parsed?.value;
    if (typeof value === "string" && value) votes.set(Number(userId), value);
    else if (value && typeof value === "object") {
      const chosen = Object.entries(value as Record<string, unknown>);
      if (several) {
        const position = options.findIndex((option) => chosen.some(([optionId, amount]) => Number(optionId) === option.id && Number(amount) > 0));
        if (position >= 0) votes.set(Number(userId), String(position + 1));
      } else {
        const answer = chosen.find(([optionId]) => Number(optionId) === options[0]?.id)?.[1];
        if (typeof answer === "string") votes.set(Number(userId), answer);
        else if (typeof answer === "number" && answer > 0) votes.set(Number(userId), "Y");
      }
    } else votes.set(Number(userId), "");
  }
  return votes;
}

/** The entitled users of a poll: at its stop, else the members of its entitled groups. */
function entitledUserIds(reader: SlideReader, pollModel: Model): number[] {
  let atStop = pollModel.entitled_users_at_stop;
  if (typeof atStop === "string") {
    try {
      atStop = JSON.parse(atStop) as unknown;
    } catch {
      atStop = undefined;
    }
  }
  if (Array.isArray(atStop)) return atStop.map((entry) => (entry && typeof entry === "object" ? (entry as Model).user_id : undefined)).filter((id): id is number => typeof id === "number");
  const users = new Set<number>();
  for (const groupId of ids(pollModel.entitled_group_ids)) {
    for (const meetingUserId of ids(reader.get(`group/${groupId}`)?.meeting_user_ids)) {
      const userId = reader.get(`meeting_user/${meetingUserId}`)?.user_id;
      if (typeof userId === "number") users.add(userId);
    }
  }
  return [...users];
}

/** The single votes slide (projection option single_votes): every entitled user with their vote, grouped by structure level. */
function pollSingleVotes(t: Translate, reader: SlideReader, meeting: Model, pollModel: Model, options: Model[], globalOption: Model | undefined): string {
  const votes = singleVoteMap(reader, pollModel, options, globalOption);
  const byFirstName = meeting.motion_poll_projection_name_order_first === "first_name";
  const entries = entitledUserIds(reader, pollModel).flatMap((userId) => {
    const user = reader.get(`user/${userId}`);
    if (!user) return [];
    const meetingUser = ids(user.meeting_user_ids)
      .map((meetingUserId) => reader.get(`meeting_user/${meetingUserId}`))
      .find((candidate) => candidate?.meeting_id === pollModel.meeting_id);
    const level = ids(meetingUser?.structure_level_ids).map((levelId) => reader.get(`structure_level/${levelId}`)).find((candidate) => !!candidate);
    const first = [user.title, user.first_name].filter((part) => typeof part === "string" && part).join(" ");
    const last = typeof user.last_name === "string" ? user.last_name : "";
    const present = ids(user.is_present_in_meeting_ids).includes(num(pollModel.meeting_id) ?? -1);
    return [{ userId, first, last, name: [first, last].filter(Boolean).join(" ") || String(user.username ?? ""), level, present, vote: votes.get(userId) }];
  });
  entries.sort((a, b) => {
    const levels = String(a.level?.name ?? "").localeCompare(String(b.level?.name ?? ""));
    if (levels) return levels;
    return byFirstName ? a.first.localeCompare(b.first) || a.last.localeCompare(b.last) : a.last.localeCompare(b.last) || a.first.localeCompare(b.first);
  });
  const groups = new Map<number, { title: string; entries: typeof entries }>();
  for (const entry of entries) {
    const levelId = num(entry.level?.id) ?? 0;
    if (!groups.has(levelId)) groups.set(levelId, { title: String(entry.level?.name ?? ""), entries: [] });
    groups.get(levelId)!.entries.push(entry);
  }
  const label = (vote: string | undefined) => (vote === "Y" ? t("Yes") : vote === "N" ? t("No") : vote === "A" ? t("Abstain") : vote ?? "");
  const voteClass = (vote: string | undefined) => (vote === undefined ? "not-voted" : vote === "Y" ? "yes" : vote === "N" ? "no" : vote === "A" ? "abstain" : vote ? "option" : "voted");
  const groupHtml = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, group]) => {
      const list = group.entries
        .map((entry) => `<li class="vote-entry ${voteClass(entry.vote)}${entry.present ? "" : " absent"}" data-user-id="${entry.userId}"><span class="vote-value">${esc(label(entry.vote))}</span> <span class="name">${esc(entry.name)}</span></li>`)
        .join("");
      return `<div class="structure-level">${group.title ? `<h3>${esc(group.title)}</h3>` : ""}<ul>${list}</ul></div>`;
    })
    .join("");
  const summary =
    pollModel.state === "published"
      ? `<div class="general-data"><div>${esc(t("Valid votes"))}: ${esc(shown(decimal(pollModel.votesvalid)))}</div><div>${esc(t("Entitled users"))}: ${entries.length}</div></div>`
      : `<div class="general-data"><div>${esc(t("Received votes"))}: ${votes.size}</div><div>${esc(t("Entitled users"))}: ${entries.length}</div></div>`;
  const maxColumns = num(meeting.motion_poll_projection_max_columns) ?? 6;
  return `${summary}<div class="votes-area" style="--visible-columns: ${maxColumns}">${groupHtml}</div>`;
}

const poll: SlideRenderer = ({ t, reader, meeting, options: options_, id }) => {
  const model = reader.get(`poll/${id}`);
  if (!model) return "";
  const { title: parentTitle, number } = contentTitle(reader, model.content_object_id);
  const head = heading(parentTitle || String(model.title ?? ""), number, parentTitle ? esc(model.title) : "");
  const state = String(model.state ?? "");
  const live = model.live_voting_enabled === true;
  if (!(state === "published" || ((state === "created" || state === "started") && live))) {
    const text = state === "finished" ? t("Counting of votes is in progress ...") : state === "started" ? t("Voting in progress") : t("No results yet");
    return `<div class="content poll">${head}<div class="poll-state"><i>${esc(text)}</i></div></div>`;
  }
  const options = ids(model.option_ids)
    .map((optionId) => reader.get(`option/${optionId}`))
    .filter((option): option is Model => !!option)
    .sort((a, b) => (num(a.weight) ?? 0) - (num(b.weight) ?? 0) || (num(a.id) ?? 0) - (num(b.id) ?? 0));
  const globalOption = typeof model.global_option_id === "number" ? reader.get(`option/${model.global_option_id}`) : undefined;
  if (options_.single_votes === true && model.is_pseudoanonymized !== true) {
    return `<div class="content poll poll-single-vote">${head}${pollSingleVotes(t, reader, meeting, model, options, globalOption)}</div>`;
  }
  const isAssignment = typeof model.content_object_id === "string" && model.content_object_id.startsWith("assignment/");
  const chart = options.length === 1 || (model.pollmethod === "Y" && !isAssignment);
  const result = chart ? pollChart(t, reader, model, options, globalOption) : pollTable(t, reader, meeting, model, options, globalOption);
  return `<div class="content poll poll-${chart ? "chart" : "table"}">${head}${result}</div>`;
};

/** The current speaker of a list: begun, not ended. */
function currentSpeaker(reader: SlideReader, los: Model | undefined): Model | undefined {
  return ids(los?.speaker_ids)
    .map((speakerId) => reader.get(`speaker/${speakerId}`))
    .find((speaker): speaker is Model => !!speaker && speaker.begin_time != null && speaker.end_time == null);
}

function referenceListOfSpeakers(reader: SlideReader, meeting: Model): Model | undefined {
  const losId = currentListOfSpeakers(reader, meeting);
  return losId !== undefined ? reader.get(`list_of_speakers/${losId}`) : undefined;
}

/** A structure level's speaking time as a countdown: running while one of its speakers speaks. */
function structureLevelCountdown(entry: Model): string {
  const remaining = num(entry.remaining_time) ?? 0;
  const start = num(entry.current_start_time);
  const running = start !== undefined && start > 0;
  return countdownElement(
    { id: `structure-level-${String(entry.id)}`, running, countdown_time: running ? start + remaining : remaining, default_time: num(entry.initial_time) ?? 0 },
    0,
    "onlyCountdown",
  );
}

const currentSpeakerChyron: SlideRenderer = ({ reader, meeting, options }) => {
  const los = referenceListOfSpeakers(reader, meeting);
  const speaker = currentSpeaker(reader, los);
  let name = speaker ? userName(reader, speaker.meeting_user_id) : "";
  let level = "";
  if (speaker) {
    const entry = typeof speaker.structure_level_list_of_speakers_id === "number" ? reader.get(`structure_level_list_of_speakers/${speaker.structure_level_list_of_speakers_id}`) : undefined;
    const structureLevel = typeof entry?.structure_level_id === "number" ? reader.get(`structure_level/${entry.structure_level_id}`) : undefined;
    level = typeof structureLevel?.name === "string" ? structureLevel.name : structureLevels(reader, speaker.meeting_user_id);
    if (options.chyron_type === "new" && level) {
      name = `${name}, ${level}`;
      level = "";
    }
  }
  let agenda = "";
  if (options.agenda_item === true && los) {
    const { title, number } = contentTitle(reader, los.content_object_id);
    agenda = [number, title].filter(Boolean).join(" · ");
  }
  if (!name && !agenda) return "";
  return `<div class="chyron chyron-${options.chyron_type === "new" ? "new" : "old"}" data-is-overlay="true">${name ? `<div class="chyron-speaker">${esc(name)}</div>` : ""}${level ? `<div class="chyron-structure-level">${esc(level)}</div>` : ""}${agenda ? `<div class="chyron-agenda-item">${esc(agenda)}</div>` : ""}</div>`;
};

const currentSpeakingStructureLevel: SlideRenderer = ({ reader, meeting }) => {
  const speaker = currentSpeaker(reader, referenceListOfSpeakers(reader, meeting));
  const entry = typeof speaker?.structure_level_list_of_speakers_id === "number" ? reader.get(`structure_level_list_of_speakers/${speaker.structure_level_list_of_speakers_id}`) : undefined;
  const structureLevel = typeof entry?.structure_level_id === "number" ? reader.get(`structure_level/${entry.structure_level_id}`) : undefined;
  if (!entry || !structureLevel) return "";
  return `<div class="content current-speaking-structure-level overlay" data-is-overlay="true"><span class="structure-level-name" style="color: ${esc(structureLevel.color ?? "inherit")}">${esc(structureLevel.name)}</span> ${structureLevelCountdown(entry)}</div>`;
};

const currentStructureLevelList: SlideRenderer = ({ t, reader, meeting }) => {
  const los = referenceListOfSpeakers(reader, meeting);
  if (!los) return "";
  const rows = ids(los.structure_level_list_of_speakers_ids)
    .map((entryId) => reader.get(`structure_level_list_of_speakers/${entryId}`))
    .filter((entry): entry is Model => !!entry)
    .map((entry) => ({ entry, level: typeof entry.structure_level_id === "number" ? reader.get(`structure_level/${entry.structure_level_id}`) : undefined }))
    .filter(({ level }) => !!level)
    .sort((a, b) => String(a.level!.name ?? "").localeCompare(String(b.level!.name ?? "")))
    .map(({ entry, level }) => `<li><span class="structure-level-name" style="color: ${esc(level!.color ?? "inherit")}">${esc(level!.name)}</span> ${structureLevelCountdown(entry)}</li>`);
  const { title, number } = contentTitle(reader, los.content_object_id);
  return `<div class="content current-structure-level-list">${heading(title, number, esc(t("Speaking times")))}<ul>${rows.join("")}</ul></div>`;
};

const SLIDES: Record<string, SlideRenderer> = {
  topic,
  motion,
  list_of_speakers: listOfSpeakers,
  current_los: listOfSpeakers,
  projector_countdown: projectorCountdown,
  projector_message: projectorMessage,
  agenda_item_list: agendaItemList,
  home,
  assignment,
  motion_block: motionBlock,
  meeting_mediafile: meetingMediafile,
  wifi_access_data: wifiAccessData,
  poll,
  current_speaker_chyron: currentSpeakerChyron,
  current_speaking_structure_level: currentSpeakingStructureLevel,
  current_structure_level_list: currentStructureLevelList,
};

/** One projection's slide HTML; unknown types and failures give an empty slide. */
export function renderSlide(reader: SlideReader, projection: Model, meeting: Model, language = "en", onError?: (error: unknown) => void): string {
  const target = splitFqid(projection.content_object_id);
  if (!target) return "";
  const type = typeof projection.type === "string" && projection.type ? projection.type : target.collection;
  const renderer = SLIDES[type];
  if (!renderer) return "";
  let options: Record<string, unknown> = {};
  if (projection.options && typeof projection.options === "object") options = projection.options as Record<string, unknown>;
  else if (typeof projection.options === "string") {
    try {
      const parsed = JSON.parse(projection.options) as unknown;
      if (parsed && typeof parsed === "object") options = parsed as Record<string, unknown>;
    } catch {
      // no options
    }
  }
  try {
    return renderer({ reader, projection, meeting, options, collection: target.collection, id: target.id, t: translator(language, meeting) });
  } catch (error) {
    onError?.(error);
    return "";
  }
}
