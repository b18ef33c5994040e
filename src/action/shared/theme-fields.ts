// The payload fields of theme.create / theme.update (upstream THEME_REQ_FIELDS / THEME_OPT_FIELDS).
const SHADES = ["50", "100", "200", "300", "400", "600", "700", "800", "900", "a100", "a200", "a400", "a700"];

export const THEME_REQUIRED_FIELDS = ["name", "primary_500", "accent_500", "warn_500"];
export const THEME_OPTIONAL_FIELDS = [
  ...["primary", "accent", "warn"].flatMap((palette) => SHADES.map((shade) => `${palette}_${shade}`)),
  "headbar",
  "yes",
  "no",
  "abstain",
];
