// Server-level health: what a load balancer or the test harness asks to know the process is up.
import type { AppContext } from "../app.js";
import type { Route } from "./types.js";

export function healthRoutes(app: AppContext): Route[] {
  const handler: Route["handler"] = (_req, res) => {
    res.json({ status: "running", version: app.version, database: app.config.database.kind });
  };
  return [{ method: "GET", path: "/system/health", component: "client", handler }];
}
