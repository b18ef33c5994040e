// HTML sanitising of HTMLStrict and HTMLPermissive fields (spec action-service 5.4) with
// upstream's allow-lists and bleach's behaviour: disallowed tags are escaped (shown as text), not
// removed; comments are dropped; unknown attributes, unsafe URLs and style properties outside the
// list are removed; every iframe is sandboxed.
import sanitize from "sanitize-html";
import postcss from "postcss";
import { decodeHTMLAttribute } from "entities";
import { normalizeMarkup } from "./html-tokens.js";

export type HtmlMode = "strict" | "permissive";

const STRICT_TAGS = [
  "a", "img", "br", "p", "span", "blockquote", "mark", "strike", "s", "del", "ins", "strong", "u", "em", "sup", "sub", "pre",
  "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li", "table", "caption", "colgroup", "col", "thead", "tbody", "th", "tr", "td", "div",
];
const PERMISSIVE_TAGS = [...STRICT_TAGS, "video", "iframe"];

const ALLOWED_STYLES = new Set([
  "color", "background-color", "height", "width", "text-align", "vertical-align", "float", "text-decoration", "margin", "padding",
  "line-height", "max-width", "min-width", "max-height", "min-height", "overflow", "word-break", "word-wrap",
]);

const ATTRIBUTES_ON_ALL_TAGS = [
  "abbr", "accept", "accept-charset", "accesskey", "action", "align", "alt", "axis", "border", "cellpadding", "cellspacing", "char",
  "charoff", "charset", "checked", "clear", "color", "cols", "colspan", "colwidth", "compact", "coords", "datetime", "dir", "disabled",
  "enctype", "for", "frame", "headers", "height", "hreflang", "hspace", "id", "ismap", "itemprop", "label", "lang", "maxlength", "media",
  "method", "multiple", "name", "nohref", "noshade", "nowrap", "open", "prompt", "readonly", "rev", "rows", "rowspan", "rules", "scope",
  "selected", "shape", "size", "span", "start", "style", "summary", "tabindex", "title", "type", "usemap", "valign", "value", "vspace", "width",
];

const ATTRIBUTES_PER_TAG: Record<string, string[]> = {
  a: ["href", "target", "rel"],
  blockquote: ["cite"],
  img: ["longdesc", "src"],
  div: ["itemscope", "itemtype"],
  iframe: ["src", "frameborder"],
  video: ["autoplay", "controls", "loop", "muted", "poster", "preload", "src"],
};

/** The attributes whose values are URLs (bleach's list, restricted to the ones allowed here). */
const URL_ATTRIBUTES = ["href", "src", "cite", "action", "longdesc", "poster"];

/** Written bare when empty (html5lib minimises these); every other empty attribute is written as name="". */
const BOOLEAN_ATTRIBUTES = new Set(["itemscope", "ismap", "autoplay", "controls"]);
const EMPTY_VALUE_ATTRIBUTES = [...ATTRIBUTES_ON_ALL_TAGS, ...Object.values(ATTRIBUTES_PER_TAG).flat()].filter((name) => !BOOLEAN_ATTRIBUTES.has(name));

const IFRAME_SANDBOX = '<iframe sandbox="allow-scripts allow-same-origin" referrerpolicy="no-referrer"';

/**
 * The style attribute as bleach's CSS sanitizer leaves it: allowed declarations each ending in
 * ";" with their own spacing, other properties and broken declarations dropped, whitespace and
 * comments between kept declarations kept once. Nothing allowed leaves an empty attribute.
 */
export function sanitizeStyle(style: string): string {
  let root: postcss.Root;
  try {
    root = postcss.parse(style);
  } catch {
    return "";
  }
  const kept: { kind: "space" | "comment" | "declaration"; text: string }[] = [];
  const keepSeparator = (kind: "space" | "comment", text: string) => {
    if (text && kept.length > 0 && kept[kept.length - 1]!.kind !== kind) kept.push({ kind, text });
  };
  for (const node of root.nodes) {
    // Stray semicolons are no tokens of their own; only the whitespace around them separates.
    keepSeparator("space", (node.raws.before ?? "").replace(/[^\s]/g, ""));
    if (node.type === "comment") {
      keepSeparator("comment", `/*${node.raws.left ?? " "}${node.text}${node.raws.right ?? " "}*/`);
    } else if (node.type === "decl" && ALLOWED_STYLES.has(node.prop.toLowerCase())) {
      kept.push({ kind: "declaration", text: declarationText(node) });
    }
  }
  return kept.map((token) => token.text).join("").trim();
}

/** `name:value;` as tinycss2 serialises it: the spacing after the colon and before !important kept. */
function declarationText(declaration: postcss.Declaration): string {
  const between = declaration.raws.between ?? ":";
  const afterColon = between.slice(between.indexOf(":") + 1);
  const value = (declaration.raws.value as { raw?: string } | undefined)?.raw ?? declaration.value;
  const important = declaration.important ? (declaration.raws.important ?? " !important") : "";
  return `${declaration.prop}:${afterColon}${value}${important};`;
}

/** Options missing from @types/sanitize-html. */
type Options = sanitize.IOptions & { preserveEscapedAttributes?: boolean; allowedEmptyAttributes?: string[] };

function options(mode: HtmlMode): Options {
  const allowedAttributes: Record<string, string[]> = { "*": [...ATTRIBUTES_ON_ALL_TAGS, "data-*"] };
  for (const [tag, attributes] of Object.entries(ATTRIBUTES_PER_TAG)) allowedAttributes[tag] = [...attributes];
  return {
    allowedTags: mode === "permissive" ? PERMISSIVE_TAGS : STRICT_TAGS,
    allowedAttributes,
    // The style attribute is filtered by sanitizeStyle (bleach's output format) in transformTags.
    allowedStyles: undefined,
    parseStyleAttributes: false,
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: URL_ATTRIBUTES,
    allowProtocolRelative: true,
    disallowedTagsMode: "escape",
    // Escaped tags show their attributes, as bleach shows the original tag.
    preserveEscapedAttributes: true,
    // Entities stay as written (&nbsp;, &copy;); a bare & becomes &amp;.
    parser: { decodeEntities: false },
    // Empty attributes stay (title="", style=""), only HTML's boolean ones are written bare.
    nonBooleanAttributes: [],
    // data-* attributes are allowed by prefix, so the list answers for them too.
    allowedEmptyAttributes: Object.assign([...EMPTY_VALUE_ATTRIBUTES], {
      includes: (name: string) => name.startsWith("data-") || EMPTY_VALUE_ATTRIBUTES.includes(name),
    }),
    // Escaped tags keep their content as text, script and style included.
    nonTextTags: [],
    selfClosing: ["img", "br", "col"],
    enforceHtmlBoundary: false,
    transformTags: {
      "*": (tagName, attribs) => {
        const cleaned = { ...attribs };
        if (cleaned.style !== undefined) cleaned.style = sanitizeStyle(cleaned.style);
        for (const name of BOOLEAN_ATTRIBUTES) if (cleaned[name]?.toLowerCase() === name) cleaned[name] = "";
        // Entities are not decoded while parsing, so a URL is decoded here for the scheme check
        // ("java&#x09;script:" is javascript:); it is escaped again on output.
        for (const name of URL_ATTRIBUTES) if (cleaned[name] !== undefined) cleaned[name] = decodeHTMLAttribute(cleaned[name]);
        return { tagName, attribs: cleaned };
      },
    },
  };
}

const OPTIONS: Record<HtmlMode, Options> = { strict: options("strict"), permissive: options("permissive") };
const ALLOWED_TAGS: Record<HtmlMode, ReadonlySet<string>> = { strict: new Set(STRICT_TAGS), permissive: new Set(PERMISSIVE_TAGS) };

/** The sanitised HTML that upstream stores for an HTMLStrict / HTMLPermissive field. */
export function sanitizeHtml(html: string, mode: HtmlMode = "strict"): string {
  // Tags are read first as upstream's tokenizer reads them (malformed markup, disallowed tags as
  // text); sanitize-html then filters the allowed tags' attributes, URLs and styles.
  const cleaned = sanitize(normalizeMarkup(html.replaceAll("\t", ""), ALLOWED_TAGS[mode]), OPTIONS[mode]);
  // Void elements as HTML writes them (<br>, not <br />); a literal " />" cannot occur in text or attribute values, which are escaped.
  return cleaned.replaceAll(" />", ">").replaceAll("<iframe", IFRAME_SANDBOX);
}
