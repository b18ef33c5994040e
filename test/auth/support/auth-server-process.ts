// Child-process entry: starts an auth test server (argv: database name, Redis key prefix),
// prints {"url": ...} on one line and runs until SIGTERM.
import { startAuthServer } from "./auth-server.js";

const [databaseName, redisPrefix] = process.argv.slice(2);
if (!databaseName || !redisPrefix) {
  console.error("usage: auth-server-process <database> <redis-prefix>");
  process.exit(2);
}

const server = await startAuthServer({ databaseName, redisPrefix });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.once("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
