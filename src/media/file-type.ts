// What mediafile.upload needs to know about a file: its mimetype from the filename extension
// (Python's mimetypes table, which upstream uses), whether the content agrees with that extension
// (upstream asks libmagic; this is a small signature sniffer for the common formats) and the
// page count of PDFs.

const BY_EXTENSION: Record<string, string> = {
  txt: "text/plain", text: "text/plain", log: "text/plain", conf: "text/plain", ini: "text/plain", asc: "text/plain",
  csv: "text/csv", tsv: "text/tab-separated-values", html: "text/html", htm: "text/html", css: "text/css",
  js: "text/javascript", mjs: "text/javascript", md: "text/markdown", markdown: "text/markdown", xml: "text/xml",
  ics: "text/calendar", vcf: "text/vcard", rtx: "text/richtext", py: "text/x-python", sh: "application/x-sh",
  json: "application/json", pdf: "application/pdf", zip: "application/zip", gz: "application/gzip", tar: "application/x-tar",
  rtf: "application/rtf", doc: "application/msword", dot: "application/msword", xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint", pps: "application/vnd.ms-powerpoint",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text", ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation", epub: "application/epub+zip",
  bin: "application/octet-stream", exe: "application/octet-stream",
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", jpe: "image/jpeg", gif: "image/gif", bmp: "image/bmp",
  svg: "image/svg+xml", webp: "image/webp", ico: "image/vnd.microsoft.icon", tif: "image/tiff", tiff: "image/tiff",
  avif: "image/avif", heic: "image/heic",
  ttf: "font/ttf", otf: "font/otf", woff: "font/woff", woff2: "font/woff2",
  mp3: "audio/mpeg", wav: "audio/x-wav", ogg: "audio/ogg", oga: "audio/ogg", opus: "audio/opus", m4a: "audio/mp4",
  aac: "audio/aac", flac: "audio/flac",
  mp4: "video/mp4", m4v: "video/mp4", mpeg: "video/mpeg", mpg: "video/mpeg", webm: "video/webm", ogv: "video/ogg",
  mov: "video/quicktime", avi: "video/x-msvideo", mkv: "video/x-matroska",
};

/** Extensions a sniffed type may carry (libmagic's and Python's lists, as far as they matter here). */
const EXTENSIONS_OF: Record<string, string[]> = {
  "image/png": ["png"], "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"], "image/gif": ["gif"], "image/bmp": ["bmp"],
  "image/webp": ["webp"], "image/tiff": ["tif", "tiff"], "image/svg+xml": ["svg"], "image/vnd.microsoft.icon": ["ico"],
  "application/pdf": ["pdf"], "font/sfnt": ["ttf", "otf"], "font/woff": ["woff"], "font/woff2": ["woff2"],
  "application/zip": ["zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "jar"],
  "application/x-ole-storage": ["doc", "dot", "xls", "ppt", "pps", "msg"], "application/gzip": ["gz", "tgz"],
  "audio/mpeg": ["mp3", "mpga"], "audio/x-wav": ["wav"], "audio/ogg": ["ogg", "oga", "opus", "ogv"], "audio/flac": ["flac"],
  "video/mp4": ["mp4", "m4v", "m4a", "mov"], "video/webm": ["webm", "mkv"], "video/x-msvideo": ["avi"],
  "application/octet-stream": ["bin", "a", "dll", "exe", "o", "obj", "so"], "application/x-empty": [],
};

/** Python's mimetypes.guess_type(filename)[0]: by the last extension, case-insensitively; undefined when unknown. */
export function mimetypeOf(filename: string): string | undefined {
  const dot = filename.lastIndexOf(".");
  if (dot < 0) return undefined;
  return BY_EXTENSION[filename.slice(dot + 1).toLowerCase()];
}

const startsWith = (data: Buffer, signature: string | number[], offset = 0): boolean => {
  const bytes = typeof signature === "string" ? Buffer.from(signature, "latin1") : Buffer.from(signature);
  return data.length >= offset + bytes.length && data.subarray(offset, offset + bytes.length).equals(bytes);
};

function looksLikeText(data: Buffer): boolean {
  const sample = data.subarray(0, 8192);
  if (sample.includes(0)) return false;
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) control++;
  return control === 0;
}

/** A libmagic-like guess of the content's mimetype ("text/plain" for any text). */
export function sniffMimetype(data: Buffer): string {
  if (data.length === 0) return "application/x-empty";
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47])) return "image/png";
  if (startsWith(data, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(data, "GIF87a") || startsWith(data, "GIF89a")) return "image/gif";
  if (startsWith(data, "%PDF-")) return "application/pdf";
  if (startsWith(data, "PK\x03\x04") || startsWith(data, "PK\x05\x06")) return "application/zip";
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "application/x-ole-storage";
  if (startsWith(data, [0x1f, 0x8b])) return "application/gzip";
  if (startsWith(data, [0x00, 0x01, 0x00, 0x00]) || startsWith(data, "OTTO") || startsWith(data, "true")) return "font/sfnt";
  if (startsWith(data, "wOFF")) return "font/woff";
  if (startsWith(data, "wOF2")) return "font/woff2";
  if (startsWith(data, "RIFF") && startsWith(data, "WEBP", 8)) return "image/webp";
  if (startsWith(data, "RIFF") && startsWith(data, "WAVE", 8)) return "audio/x-wav";
  if (startsWith(data, "RIFF") && startsWith(data, "AVI ", 8)) return "video/x-msvideo";
  if (startsWith(data, "ftyp", 4)) return "video/mp4";
  if (startsWith(data, "ID3") || startsWith(data, [0xff, 0xfb]) || startsWith(data, [0xff, 0xf3])) return "audio/mpeg";
  if (startsWith(data, "OggS")) return "audio/ogg";
  if (startsWith(data, "fLaC")) return "audio/flac";
  if (startsWith(data, [0x1a, 0x45, 0xdf, 0xa3])) return "video/webm";
  if (startsWith(data, "II*\x00") || startsWith(data, "MM\x00*")) return "image/tiff";
  if (startsWith(data, "BM")) return "image/bmp";
  if (startsWith(data, [0x00, 0x00, 0x01, 0x00])) return "image/vnd.microsoft.icon";
  if (looksLikeText(data)) {
    const head = data.subarray(0, 4096).toString("utf8");
    if (/<svg[\s>]/i.test(head)) return "image/svg+xml";
    return "text/plain";
  }
  return "application/octet-stream";
}

/** Text content is fine for these non-text types (upstream: pygments knows their lexers). */
const TEXTUAL = new Set(["application/json", "application/xml", "image/svg+xml", "application/x-sh", "application/rtf"]);

/**
 * Upstream's mismatch check: the sniffed type must be the extension's type, both textual, or
 * the filename must carry one of the sniffed type's extensions. Returns the sniffed type when
 * they do not match.
 */
export function mismatchedMimetype(filename: string, extensionMimetype: string, data: Buffer): string | undefined {
  const sniffed = sniffMimetype(data);
  if (sniffed === extensionMimetype) return undefined;
  if (sniffed.startsWith("text") || sniffed === "image/svg+xml") {
    if (extensionMimetype.startsWith("text") || TEXTUAL.has(extensionMimetype)) return undefined;
    return sniffed === "image/svg+xml" ? sniffed : "text/plain";
  }
  const lower = filename.toLowerCase();
  if ((EXTENSIONS_OF[sniffed] ?? []).some((extension) => lower.endsWith(extension))) return undefined;
  return sniffed;
}

/** Upstream pdf_information: the page count, or {pages: 0, encrypted: true} when unreadable/encrypted. */
export function pdfInformation(data: Buffer): { pages: number; encrypted?: boolean } {
  const text = data.toString("latin1");
  if (/\/Encrypt\s/.test(text)) return { pages: 0, encrypted: true };
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  if (pages > 0) return { pages };
  const counts = [...text.matchAll(/\/Count\s+(\d+)/g)].map((match) => Number(match[1]));
  if (counts.length > 0) return { pages: Math.max(...counts) };
  return { pages: 0, encrypted: true };
}
