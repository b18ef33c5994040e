// Process entry (`npm start`): sets V8 up for a small idle memory (startup-memory.ts), then loads
// and starts the server (start.ts). The server's modules are imported dynamically because static
// imports would be loaded before the settings are made.
import { fileURLToPath } from "node:url";
import { useStartupSettings } from "./startup-memory.js";

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  useStartupSettings();
  try {
    const { main } = await import("./start.js");
    await main();
  } catch (error) {
    process.stderr.write(`openslides-ts: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
