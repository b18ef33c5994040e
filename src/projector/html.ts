// Small HTML helpers for the server-side rendered projector content.
import { removeScriptBlocks, replaceHtmlTags } from "../text/html-scan.js";

/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(value: unknown): string {
  if (value === undefined || value === null) return "";
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A CSS value from stored data: only characters that cannot leave the declaration. */
export function cssValue(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const text = String(value);
  return /^[#A-Za-z0-9.%(), -]+$/.test(text) ? text : undefined;
}

/**
 * Stored HTML (topic text, motion text, messages): the action service sanitises it on write, so
 * it is used as is; scripts and event handlers are removed once more for safety.
 */
export function storedHtml(value: unknown): string {
  if (typeof value !== "string") return "";
  const withoutBlocks = replaceHtmlTags(removeScriptBlocks(value), "", isActiveElementTag);
  // an unclosed quoted value runs to the end (a quadratic search for its end otherwise)
  return withoutBlocks.replace(/\son[a-z]+\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]+)/gi, "");
}

const ACTIVE_ELEMENT_TAG = /^<\/?(?:script|iframe|object|embed)/i;

function isActiveElementTag(html: string, at: number): boolean {
  return ACTIVE_ELEMENT_TAG.test(html.slice(at, at + 8));
}
