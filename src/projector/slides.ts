// The slides (spec projector 4.4): one HTML fragment per projection, rendered from the
// in-memory state. The HTML is our own (not a client contract); the structure the script relies
// on is `data-is-overlay="true"` for slides shown in the overlay container, and the
// `os-countdown` elements the script keeps ticking.
import { esc, storedHtml } from "./html.js";
import { translator, type Translate } from "./translate.js";

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

const motion: SlideRenderer = ({ t, reader, meeting, options, id }) => {
  const model = reader.get(`motion/${id}`);
  if (!model) return "";
  const submitters = ids(model.submitter_ids)
    .map((submitterId) => reader.get(`motion_submitter/${submitterId}`))
    .filter((submitter): submitter is Model => !!submitter)
    .sort((a, b) => (num(a.weight) ?? 0) - (num(b.weight) ?? 0))
    .map((submitter) => userName(reader, submitter.meeting_user_id))
    .filter(Boolean);
  if (typeof model.additional_submitter === "string" && model.additional_submitter) submitters.push(model.additional_submitter);
  const subtitle = submitters.length ? `<span class="submitters">${esc(submitters.join(", "))}</span>` : "";
  const parts = [`<div class="content motion">`, heading(String(model.title ?? ""), typeof model.number === "string" ? model.number : "", subtitle)];
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
    const mode = typeof options.mode === "string" ? options.mode : "original";
    let text: string;
    if (mode === "modified_final_version" && typeof model.modified_final_version === "string" && model.modified_final_version) {
      text = storedHtml(model.modified_final_version);
    } else if (model.amendment_paragraphs && typeof model.amendment_paragraphs === "object") {
      text = Object.keys(model.amendment_paragraphs as object)
        .sort((a, b) => Number(a) - Number(b))
        .map((key) => `<div class="amendment-paragraph">${storedHtml((model.amendment_paragraphs as Record<string, unknown>)[key])}</div>`)
        .join("");
    } else {
      text = storedHtml(model.text);
    }
    parts.push(`<div class="text motion-text">${text}</div>`);
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

const poll: SlideRenderer = ({ t, reader, id }) => {
  const model = reader.get(`poll/${id}`);
  if (!model) return "";
  const { title: parentTitle, number } = contentTitle(reader, model.content_object_id);
  const head = heading(parentTitle || String(model.title ?? ""), number, esc(model.title));
  const state = String(model.state ?? "");
  if (state !== "published") {
    const text = state === "started" ? t("Voting in progress") : state === "finished" ? t("Voting finished") : t("Voting not started");
    return `<div class="content poll">${head}<div class="poll-state">${esc(text)}</div></div>`;
  }
  const rows = ids(model.option_ids)
    .map((optionId) => reader.get(`option/${optionId}`))
    .filter((option): option is Model => !!option)
    .sort((a, b) => (num(a.weight) ?? 0) - (num(b.weight) ?? 0))
    .map((option) => {
      const target = splitFqid(option.content_object_id);
      let label = typeof option.text === "string" ? option.text : "";
      if (target?.collection === "user") {
        const user = reader.get(`user/${target.id}`);
        label = [user?.title, user?.first_name, user?.last_name].filter((part) => typeof part === "string" && part).join(" ") || String(user?.username ?? "");
      } else if (!label && target) label = contentTitle(reader, option.content_object_id).title;
      return `<tr><td class="option">${esc(label)}</td><td class="yes">${esc(option.yes ?? "")}</td><td class="no">${esc(option.no ?? "")}</td><td class="abstain">${esc(option.abstain ?? "")}</td></tr>`;
    });
  return `<div class="content poll">${head}<table class="poll-result"><thead><tr><th></th><th>${esc(t("Yes"))}</th><th>${esc(t("No"))}</th><th>${esc(t("Abstain"))}</th></tr></thead><tbody>${rows.join("")}</tbody></table>${model.votesvalid != null ? `<div class="votes">${esc(t("Valid votes"))}: ${esc(model.votesvalid)}</div>` : ""}</div>`;
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
