// Registers every action: each file actions/<collection>/<verb>.ts default-exports its
// definition, so adding an action never touches a shared list.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { registerAction, registeredActions } from "../framework/registry.js";
import type { ActionDefinition } from "../framework/types.js";

const ACTIONS_DIR = fileURLToPath(new URL(".", import.meta.url));

function actionFiles(): string[] {
  const files: string[] = [];
  for (const collection of readdirSync(ACTIONS_DIR).sort()) {
    const dir = join(ACTIONS_DIR, collection);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) if (file.endsWith(".js")) files.push(join(dir, file));
  }
  return files;
}

function isDefinition(value: unknown): value is ActionDefinition {
  return typeof value === "object" && value !== null && typeof (value as ActionDefinition).name === "string" && "kind" in value;
}

let loaded: Promise<ActionDefinition[]> | undefined;

/** Imports every action file once; resolves to the registered actions. */
export function loadActions(): Promise<ActionDefinition[]> {
  loaded ??= (async () => {
    for (const file of actionFiles()) {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (isDefinition(module.default)) registerAction(module.default);
    }
    return registeredActions();
  })();
  return loaded;
}
