// The slide labels in the projector's language (spec projector 4.2: `?lang=`, else the cookie
// `lang`, else Accept-Language; the meeting's custom_translations override). English is the
// source language; German is translated here, other languages fall back to English.
import type { HttpRequest } from "../http/types.js";
import type { Model } from "./slides.js";

export const SUPPORTED_LANGUAGES = ["en", "de", "es", "it", "nl", "cs", "fr", "ru"] as const;

const GERMAN: Record<string, string> = {
  "List of speakers": "Redeliste",
  closed: "geschlossen",
  "Point of order": "Geschäftsordnungsantrag",
  Pro: "Pro",
  Contra: "Contra",
  Contribution: "Wortbeitrag",
  Intervention: "Intervention",
  "Interposed question": "Zwischenfrage",
  "Number of speakers": "Anzahl der Redner*innen",
  State: "Status",
  Recommendation: "Empfehlung",
  Reason: "Begründung",
  Agenda: "Tagesordnung",
  Election: "Wahl",
  Candidates: "Kandidierende",
  "Motion block": "Antragsblock",
  "Voting in progress": "Stimmabgabe läuft",
  Yes: "Ja",
  No: "Nein",
  Abstain: "Enthaltung",
  "Valid votes": "Gültige Stimmen",
  "WLAN access data": "WLAN-Zugangsdaten",
  "WLAN name (SSID)": "WLAN-Name (SSID)",
  "WLAN password": "WLAN-Passwort",
  "WLAN encryption": "WLAN-Verschlüsselung",
  "Speaking times": "Redezeiten",
  "No results yet": "Noch keine Ergebnisse",
  "Counting of votes is in progress ...": "Die Auszählung der Stimmen läuft ...",
  "General approval": "Generelle Zustimmung",
  "General rejection": "Generelle Ablehnung",
  "General abstain": "Generelle Enthaltung",
  "Invalid votes": "Ungültige Stimmen",
  "Total votes cast": "Abgegebene Stimmen",
  "Entitled users": "Stimmberechtigte",
  "Entitled present users": "anwesende Stimmberechtigte",
  Votes: "Stimmen",
  "Confirmation of the nomination list": "Bestätigung der Wahlvorschlagsliste",
  Amendment: "Änderungsantrag",
  Line: "Zeile",
  "Changed title": "Geänderter Titel",
  "No changes at the text.": "Keine Änderung am Text.",
  majority: "Mehrheit",
  "Received votes": "Empfangene Stimmen",
};

const DICTIONARIES: Record<string, Record<string, string>> = { de: GERMAN };

export type Translate = (text: string) => string;

function supported(tag: string | undefined | null): string | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return base && (SUPPORTED_LANGUAGES as readonly string[]).includes(base) ? base : undefined;
}

/** The request's language: ?lang=, the `lang` cookie, Accept-Language, else English. */
export function requestLanguage(req: HttpRequest): string {
  const query = supported(req.query.get("lang"));
  if (query) return query;
  const cookie = /(?:^|;\s*)lang=([^;]*)/.exec(req.headers.cookie ?? "")?.[1];
  const fromCookie = supported(cookie ? decodeURIComponent(cookie) : undefined);
  if (fromCookie) return fromCookie;
  const accepted = String(req.headers["accept-language"] ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)/.exec(param)?.[1]).find(Boolean);
      return { tag: tag ?? "", q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of accepted) {
    const language = supported(tag);
    if (language) return language;
  }
  return "en";
}

function customTranslations(meeting: Model): Map<string, string> {
  const custom = new Map<string, string>();
  let value = meeting.custom_translations;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      value = undefined;
    }
  }
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (entry && typeof entry === "object" && typeof entry.original === "string" && typeof entry.translation === "string") custom.set(entry.original, entry.translation);
    }
  } else if (value && typeof value === "object") {
    for (const [original, translation] of Object.entries(value as Record<string, unknown>)) if (typeof translation === "string") custom.set(original, translation);
  }
  return custom;
}

export function translator(language: string, meeting: Model): Translate {
  const dictionary = DICTIONARIES[language] ?? {};
  const custom = customTranslations(meeting);
  return (text) => {
    const translated = dictionary[text] ?? text;
    return custom.get(translated) ?? custom.get(text) ?? translated;
  };
}
