// One projector's rendered content (spec projector 4.3): the settings object of the `settings`
// event, the complete HTML of `projector-replace`, and the slide HTML per current projection,
// all computed from the in-memory state.
import { cssValue, esc } from "./html.js";
import { renderSlide, type Model, type SlideReader } from "./slides.js";

export interface ProjectorReader extends SlideReader {
  get(fqid: string): Model | undefined;
}

export interface ProjectorSettings {
  MeetingName: string;
  MeetingDescription: string;
  MeetingLogo: number;
  HeaderImage: number;
  Name: string;
  IsInternal: boolean;
  Scale: number;
  Scroll: number;
  Width: number;
  AspectRatioNumerator: number;
  AspectRatioDenominator: number;
  Color: string;
  BackgroundColor: string;
  HeaderBackgroundColor: string;
  HeaderFontColor: string;
  HeaderH1Color: string;
  ChyronBackgroundColor: string;
  ChyronBackgroundColor2: string;
  ChyronFontColor: string;
  ChyronFontColor2: string;
  ShowHeaderFooter: boolean;
  ShowTitle: boolean;
  ShowLogo: boolean;
  ShowClock: boolean;
  Theme: { Yes: string; No: string; Abstain: string } | null;
}

export interface RenderedProjector {
  settings: ProjectorSettings;
  /** Projection id → slide HTML, in the order of projector.current_projection_ids. */
  slides: Map<number, string>;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");
const int = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const bool = (value: unknown): boolean => value === true;

/** Settings keys the preview may override (body keys of POST /system/projector/preview). */
export const PREVIEW_KEYS: Record<string, keyof ProjectorSettings> = {
  scale: "Scale",
  scroll: "Scroll",
  width: "Width",
  aspect_ratio_numerator: "AspectRatioNumerator",
  aspect_ratio_denominator: "AspectRatioDenominator",
  color: "Color",
  background_color: "BackgroundColor",
  header_background_color: "HeaderBackgroundColor",
  header_font_color: "HeaderFontColor",
  header_h1_color: "HeaderH1Color",
  chyron_background_color: "ChyronBackgroundColor",
  chyron_background_color2: "ChyronBackgroundColor2",
  chyron_font_color: "ChyronFontColor",
  chyron_font_color_2: "ChyronFontColor2",
  show_header_footer: "ShowHeaderFooter",
  show_title: "ShowTitle",
  show_logo: "ShowLogo",
  show_clock: "ShowClock",
};

export function projectorSettings(reader: ProjectorReader, projector: Model): ProjectorSettings {
  const meeting = reader.get(`meeting/${int(projector.meeting_id)}`) ?? {};
  const organization = reader.get("organization/1");
  const theme = typeof organization?.theme_id === "number" ? reader.get(`theme/${organization.theme_id}`) : undefined;
  return {
    MeetingName: str(meeting.name),
    MeetingDescription: str(meeting.description),
    MeetingLogo: int(meeting.logo_projector_main_id),
    HeaderImage: int(meeting.logo_projector_header_id),
    Name: str(projector.name),
    IsInternal: bool(projector.is_internal),
    Scale: int(projector.scale),
    Scroll: int(projector.scroll),
    Width: int(projector.width),
    AspectRatioNumerator: int(projector.aspect_ratio_numerator),
    AspectRatioDenominator: int(projector.aspect_ratio_denominator),
    Color: str(projector.color),
    BackgroundColor: str(projector.background_color),
    HeaderBackgroundColor: str(projector.header_background_color),
    HeaderFontColor: str(projector.header_font_color),
    HeaderH1Color: str(projector.header_h1_color),
    ChyronBackgroundColor: str(projector.chyron_background_color),
    ChyronBackgroundColor2: str(projector.chyron_background_color_2),
    ChyronFontColor: str(projector.chyron_font_color),
    ChyronFontColor2: str(projector.chyron_font_color_2),
    ShowHeaderFooter: bool(projector.show_header_footer),
    ShowTitle: bool(projector.show_title),
    ShowLogo: bool(projector.show_logo),
    ShowClock: bool(projector.show_clock),
    Theme: theme ? { Yes: str(theme.yes), No: str(theme.no), Abstain: str(theme.abstain) } : null,
  };
}

export function renderSlides(reader: ProjectorReader, projector: Model, language = "en", onError?: (error: unknown) => void): Map<number, string> {
  const meeting = reader.get(`meeting/${int(projector.meeting_id)}`) ?? {};
  const projections = (Array.isArray(projector.current_projection_ids) ? projector.current_projection_ids : [])
    .map((id) => reader.get(`projection/${id}`))
    .filter((projection): projection is Model => !!projection)
    .sort((a, b) => int(a.weight) - int(b.weight) || int(a.id) - int(b.id));
  const slides = new Map<number, string>();
  for (const projection of projections) slides.set(int(projection.id), renderSlide(reader, projection, meeting, language, onError));
  return slides;
}

export function renderProjector(reader: ProjectorReader, projector: Model, language = "en", onError?: (error: unknown) => void): RenderedProjector {
  return { settings: projectorSettings(reader, projector), slides: renderSlides(reader, projector, language, onError) };
}

function cssVariables(settings: ProjectorSettings): string {
  const lines: string[] = [];
  const add = (name: string, value: unknown) => {
    const css = cssValue(value);
    if (css !== undefined) lines.push(`  ${name}: ${css};`);
  };
  add("--projector-color", settings.Color);
  add("--projector-background-color", settings.BackgroundColor);
  add("--projector-header-background-color", settings.HeaderBackgroundColor);
  add("--projector-header-font-color", settings.HeaderFontColor);
  add("--projector-header-h1-color", settings.HeaderH1Color);
  add("--projector-chyron-background-color", settings.ChyronBackgroundColor);
  add("--projector-chyron-background-color2", settings.ChyronBackgroundColor2);
  add("--projector-chyron-font-color", settings.ChyronFontColor);
  add("--projector-chyron-font-color2", settings.ChyronFontColor2);
  if (settings.Width) add("--projector-width", settings.Width);
  if (settings.AspectRatioNumerator && settings.AspectRatioDenominator) {
    add("--projector-aspect-ratio-numerator", settings.AspectRatioNumerator);
    add("--projector-aspect-ratio-denominator", settings.AspectRatioDenominator);
  }
  if (settings.Theme) {
    add("--theme-yes", settings.Theme.Yes || "#4caf50");
    add("--theme-no", settings.Theme.No || "#cc6c5b");
    add("--theme-abstain", settings.Theme.Abstain || "#a6a6a6");
  }
  add("--projector-scroll", settings.Scroll || 0);
  add("--projector-scale", settings.Scale || 0);
  return `#projector-container {\n${lines.join("\n")}\n}`;
}

/** The complete projector HTML (the `projector-replace` payload and the get/preview page content). */
export function projectorHtml(rendered: RenderedProjector): string {
  const { settings } = rendered;
  const background = settings.HeaderImage ? ` style="background-image: url(/system/media/get-meeting/${settings.HeaderImage});"` : "";
  const header: string[] = [];
  if (settings.ShowHeaderFooter) {
    header.push(`<div id="header" class="header-footer"${background}>`);
    if (settings.ShowLogo && settings.MeetingLogo) header.push(`<img id="projector-logo-main" src="/system/media/get-meeting/${settings.MeetingLogo}" alt="" aria-hidden="true">`);
    if (settings.ShowTitle) {
      header.push(`<div id="eventdata"><div class="event-name">${esc(settings.MeetingName)}</div>`);
      if (settings.MeetingDescription) header.push(`<div class="event-description">${esc(settings.MeetingDescription)}</div>`);
      header.push(`</div>`);
    }
    if (settings.ShowClock) header.push(`<div id="clock"><span id="clock-time"></span></div>`);
    header.push(`</div>`);
  }
  const slides = [...rendered.slides].map(([id, html]) => `<div class="slide" data-id="${id}">${html}</div>`).join("");
  const footer = settings.ShowHeaderFooter ? `<div id="footer" class="header-footer"${background}><div class="footertext"></div></div>` : "";
  return [
    `<style>\n${cssVariables(settings)}\n</style>`,
    `<link rel="stylesheet" type="text/css" href="/system/projector/static/projector.css">`,
    `<div id="projector-container">`,
    `<div id="projector">`,
    header.join(""),
    `<div id="slides">${slides}<div class="overlay-container"></div></div>`,
    footer,
    `</div>`,
    `</div>`,
  ].join("\n");
}

/** The page of GET /system/projector/get/<id> and of the preview. */
export function projectorPage(content: string | undefined, script: string): string {
  // Inside <template> the content is parsed as HTML, so it is inserted as is.
  return `<!doctype html>
<html>
  <head>
    <meta charset="utf-8">
    <title>OpenSlides</title>
    <link href="/assets/img/favicon.png" rel="icon" type="image/x-icon">
    <link rel="stylesheet" type="text/css" href="/system/projector/static/projector-page.css">
  </head>
  <body>
    <div id="projector-page" class="projector-container">${content === undefined ? "" : `<template id="current-content">${content}</template>`}</div>
    <script type="module">
      import { Projector } from "/system/projector/static/projector.js";
      ${script}
    </script>
  </body>
</html>
`;
}
