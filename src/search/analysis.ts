// Text analysis of the search index (spec search 5.2 "Analysis"): how a field's text and a query's
// words become terms. Four analyzers, named like upstream's (bleve) ones:
//  * "de": word tokenizer, lower case, German stop words, German normalisation (umlauts, ß, ae/oe/ue),
//    German light stemming (the published algorithm of J. Savoy: plural and case endings);
//  * "de_html": tags stripped and entities decoded first, then "de";
//  * "simple": runs of letters, lower case (names, e-mail addresses, the `_<field>_original` copies);
//  * "keyword": the whole value as one term (collection names, generic relations).
// A term keeps the position of its word in the text, so phrases can be matched after stop words
// were dropped.
import { decodeHTML } from "entities";
import { replaceHtmlComments, replaceHtmlTags } from "../text/html-scan.js";

export type AnalyzerName = "de" | "de_html" | "simple" | "keyword";

export interface Token {
  term: string;
  position: number;
}

// The usual German stop word list (articles, pronouns, auxiliaries, conjunctions, prepositions).
const GERMAN_STOP_WORDS = new Set(
  (
    "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern anderr anders " +
    "auch auf aus bei bin bis bist da damit dann der den des dem die das daß dass derselbe derselben denselben desselben demselben " +
    "dieselbe dieselben dasselbe dazu dein deine deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen " +
    "dieser dieses doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er ihn ihm " +
    "es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir ihr " +
    "ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein " +
    "keine keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein meine meinem meinen " +
    "meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst " +
    "sich sie ihnen sind so solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere unserem unseren " +
    "unser unseres unter viel vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher welches wenn " +
    "werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen"
  ).split(" "),
);

/**
 * Words roughly as Unicode word segmentation finds them (UAX #29): runs of letters, digits and
 * underscores, joined across one inner apostrophe, period, colon or middle dot before a letter
 * (don't, e.g.) and across one inner comma, period, semicolon or apostrophe between digits (1.000,50).
 */
const WORD = /[\p{L}\p{M}\p{N}_]+(?:(?:(?<=[\p{L}\p{M}])['’.:·](?=[\p{L}\p{M}])|(?<=\p{N})[,.;'’](?=\p{N}))[\p{L}\p{M}\p{N}_]+)*/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Umlauts and ß folded, "ae"/"oe"/"ue" after a consonant context read as the umlaut's base vowel. */
export function germanNormalize(word: string): string {
  // States: after something neutral, after a vowel that an "e" does not follow as umlaut spelling,
  // and after a vowel ("a", "o", or "u" in a neutral context) whose following "e" is dropped.
  let out = "";
  let state: "neutral" | "vowel" | "umlautBase" = "neutral";
  for (const char of word) {
    switch (char) {
      case "a":
      case "o":
        out += char;
        state = "umlautBase";
        break;
      case "u":
        out += char;
        state = state === "neutral" ? "umlautBase" : "vowel";
        break;
      case "e":
        if (state !== "umlautBase") out += char;
        state = "vowel";
        break;
      case "i":
      case "q":
      case "y":
        out += char;
        state = "vowel";
        break;
      case "ä":
        out += "a";
        state = "vowel";
        break;
      case "ö":
        out += "o";
        state = "vowel";
        break;
      case "ü":
        out += "u";
        state = "vowel";
        break;
      case "ß":
        out += "ss";
        state = "neutral";
        break;
      default:
        out += char;
        state = "neutral";
    }
  }
  return out;
}

const ACCENT_FOLD: Record<string, string> = {
  ä: "a", à: "a", á: "a", â: "a",
  ö: "o", ò: "o", ó: "o", ô: "o",
  ï: "i", ì: "i", í: "i", î: "i",
  ü: "u", ù: "u", ú: "u", û: "u",
};

/** Consonants after which a final "s" (or "st") is an ending. */
const S_ENDING_BEFORE = new Set(["b", "d", "f", "g", "h", "k", "l", "m", "n", "t"]);

/** Light German stemming: accents folded, then plural/case endings and a few suffixes removed. */
export function germanLightStem(word: string): string {
  let s = /[äàáâöòóôïìíîüùúû]/.test(word) ? word.replace(/[äàáâöòóôïìíîüùúû]/g, (char) => ACCENT_FOLD[char] ?? char) : word;
  // Endings are ASCII: the length in code points goes down by what is cut off.
  let count = /[\uD800-\uDFFF]/.test(s) ? [...s].length : s.length;
  const length = () => count;
  const cut = (n: number) => {
    s = s.slice(0, -n);
    count -= n;
  };
  // Step 1: case and plural endings.
  if (length() > 5 && s.endsWith("ern")) cut(3);
  else if (length() > 4 && (s.endsWith("em") || s.endsWith("en") || s.endsWith("er") || s.endsWith("es"))) cut(2);
  else if (length() > 3 && s.endsWith("e")) cut(1);
  else if (length() > 3 && s.endsWith("s") && S_ENDING_BEFORE.has(s[s.length - 2]!)) cut(1);
  // Step 2: comparative and superlative endings.
  if (length() > 5 && s.endsWith("est")) cut(3);
  else if (length() > 4 && (s.endsWith("er") || s.endsWith("en"))) cut(2);
  else if (length() > 4 && s.endsWith("st") && S_ENDING_BEFORE.has(s[s.length - 3]!)) cut(2);
  return s;
}

/** Tags replaced by spaces, entities decoded. */
export function htmlToText(html: string): string {
  return decodeHTML(replaceHtmlTags(replaceHtmlComments(html, " "), " "));
}

function germanTokens(text: string): Token[] {
  const tokens: Token[] = [];
  words(text).forEach((word, position) => {
    const lower = word.toLowerCase();
    if (GERMAN_STOP_WORDS.has(lower)) return;
    const term = germanLightStem(germanNormalize(lower));
    if (term !== "") tokens.push({ term, position });
  });
  return tokens;
}

function simpleTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  for (const match of text.matchAll(/[\p{L}\p{M}]+/gu)) tokens.push({ term: match[0].toLowerCase(), position: position++ });
  return tokens;
}

export function analyze(analyzer: AnalyzerName, text: string): Token[] {
  switch (analyzer) {
    case "de":
      return germanTokens(text);
    case "de_html":
      return germanTokens(htmlToText(text));
    case "simple":
      return simpleTokens(text);
    case "keyword":
      return text === "" ? [] : [{ term: text, position: 0 }];
  }
}

/** Levenshtein distance of two terms (by code point), or `limit + 1` once it is certainly above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > 2 * limit) return limit + 1;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[y.length]!;
}
