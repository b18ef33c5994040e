// Linear-time scans over stored HTML. A pattern like /<[^>]*>/g tries every '<' and scans to
// the end of the text when no '>' follows, which is quadratic on "<<<<…"; these helpers find
// the same matches with indexOf, so every character is looked at a bounded number of times.

/**
 * Replaces each `<!--…-->` like /<!--[\s\S]*?-->/g. With `unclosedRunsToEnd`, a comment without
 * its end runs to the end of the text, like /<!--[\s\S]*?(?:-->|$)/g.
 */
export function replaceHtmlComments(html: string, replacement: string, unclosedRunsToEnd = false): string {
  let result = "";
  let from = 0;
  for (;;) {
    const start = html.indexOf("<!--", from);
    if (start < 0) break;
    const end = html.indexOf("-->", start + 4);
    if (end < 0) {
      if (!unclosedRunsToEnd) break;
      return result + html.slice(from, start) + replacement;
    }
    result += html.slice(from, start) + replacement;
    from = end + 3;
  }
  return result + html.slice(from);
}

/**
 * Replaces each tag `<…>` whose opening is accepted by `isTagStart(html, index of '<')`, like
 * /<X[^>]*>/g for an X that only looks at the characters right after '<': the tag runs to the
 * next '>', and a '<' without a later '>' starts no tag.
 */
export function replaceHtmlTags(html: string, replacement: string, isTagStart: (html: string, at: number) => boolean = () => true): string {
  let result = "";
  let from = 0;
  let close = -1;
  for (let open = html.indexOf("<"); open >= 0; open = html.indexOf("<", open + 1)) {
    if (close < open) close = html.indexOf(">", open + 1);
    if (close < 0) break;
    if (!isTagStart(html, open)) continue;
    result += html.slice(from, open) + replacement;
    from = close + 1;
    open = close;
  }
  return result + html.slice(from);
}

/**
 * Removes each `<script…</script>` block like /<script[\s\S]*?<\/script\s*>/gi (the end tag may
 * have white space before its '>').
 */
export function removeScriptBlocks(html: string): string {
  const lower = asciiLowerCase(html);
  let result = "";
  let from = 0;
  for (;;) {
    const start = lower.indexOf("<script", from);
    if (start < 0) break;
    const end = scriptEndTag(lower, start + 7);
    // no end tag after this start means none after any later start either
    if (end < 0) break;
    result += html.slice(from, start);
    from = end;
  }
  return result + html.slice(from);
}

/** Lower case of A-Z only, so that indexes stay those of the original text. */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** The index just after the first `</script\s*>` at or after `from`, or -1. */
function scriptEndTag(lower: string, from: number): number {
  for (let at = lower.indexOf("</script", from); at >= 0; at = lower.indexOf("</script", at + 1)) {
    let next = at + 8;
    while (next < lower.length && /\s/.test(lower[next]!)) next++;
    if (lower[next] === ">") return next + 1;
  }
  return -1;
}
