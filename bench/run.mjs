// `npm run bench [-- name]`: runs every compiled benchmark under dist/bench (or the named ones).
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const filters = process.argv.slice(2);
const files = readdirSync("dist/bench")
  .filter((file) => file.endsWith(".js") && !file.endsWith(".map"))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));
for (const file of files) {
  console.log(`\n## ${file.replace(/\.js$/, "")}`);
  const module = await import(pathToFileURL(resolve("dist/bench", file)).href);
  if (typeof module.run === "function") await module.run();
}
