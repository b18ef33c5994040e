// Until its first request other than a health check, the process runs V8 with two settings that
// keep the memory of an idle server small (issue 17, bench/start.md); that request restores V8's
// defaults:
// - The young generation keeps its initial size (2 × 1 MiB). Starting makes mostly long-lived
//   objects (the modules, the models registry, the state), and V8 doubles the young generation
//   whenever the objects surviving its collections add up to its size, up to 2 × 8 MiB, which an
//   idle process keeps (about 4 MiB resident).
// - No optimizing compiler (TurboFan). Loading the modules makes functions of Node's module loader
//   hot, and the state's loading those of the database driver; the first optimization brings
//   TurboFan's code and working memory into the process (about 4 MiB resident) for work that is
//   over. The interpreter and the baseline compiler serve an idle server's timers well enough.
// Settings given on the command line or in NODE_OPTIONS are left alone.
import { setFlagsFromString } from "node:v8";

interface Setting {
  /** Options of the user that decide this setting themselves. */
  givenBy: RegExp;
  startup: string;
  normal: string;
}

const SETTINGS: readonly Setting[] = [
  { givenBy: /--(semi-space-growth-factor|max-semi-space-size|min-semi-space-size)\b/, startup: "--semi-space-growth-factor=1", normal: "--semi-space-growth-factor=2" },
  { givenBy: /--(no-)?(turbofan|opt|jitless|lite-mode|always-turbofan|always-opt)\b/, startup: "--no-turbofan", normal: "--turbofan" },
];

let changed: Setting[] = [];

function userOptions(): string {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ").replaceAll("_", "-");
}

/** Called by the process entry before any other module is loaded. */
export function useStartupSettings(): void {
  const given = userOptions();
  changed = SETTINGS.filter((setting) => !setting.givenBy.test(given));
  for (const setting of changed) setFlagsFromString(setting.startup);
}

/** V8's defaults again (once; later calls cost a length check). */
export function useNormalSettings(): void {
  if (changed.length === 0) return;
  for (const setting of changed) setFlagsFromString(setting.normal);
  changed = [];
}
