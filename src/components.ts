// Every component of the server and the routes it serves. A component is `(app) => Route[]`;
// the main port serves all routes, a component's own port (when opened) serves that
// component's routes plus its port-only aliases.
import type { AppContext } from "./app.js";
import { actionPortAliases, actionRoutes } from "./action/routes.js";
import { authComponent } from "./auth/routes.js";
import { healthRoutes } from "./http/health.js";
import { createIccServices, iccRoutes } from "./icc/routes.js";
import { presenterPortAliases, presenterRoutes } from "./presenter/routes.js";
import type { Route } from "./http/types.js";
import { clientRoutes } from "./client/routes.js";
import { autoupdateRoutes, createAutoupdateService } from "./autoupdate/routes.js";
import { mediaRoutes } from "./media/routes.js";
import { voteRoutes } from "./vote/routes.js";
import { internalVoteRoutes } from "./vote/internal-routes.js";
import { attachLiveVotes } from "./vote/live-votes.js";
import { projectorRoutes } from "./projector/routes.js";
import { searchRoutes } from "./search/routes.js";

export type ComponentRoutes = (app: AppContext) => Route[];

export const COMPONENTS: ComponentRoutes[] = [
  healthRoutes,
  authComponent,
  (app) => actionRoutes(app),
  (app) => actionPortAliases(app).map((route) => ({ ...route, portOnly: true })),
  (app) => [...presenterRoutes(app), ...presenterPortAliases(app).map((route) => ({ ...route, portOnly: true }))],
  (app) => {
    const services = createIccServices(app);
    app.shutdownHooks.push(() => services.close());
    return iccRoutes(app, services);
  },
  (app) => {
    const service = createAutoupdateService(app);
    // poll/live_votes in the autoupdate's state, from the vote service's ballots.
    attachLiveVotes(app, service);
    return [...autoupdateRoutes(app, service), ...projectorRoutes(app, service), ...searchRoutes(app, service)];
  },
  (app) => mediaRoutes(app),
  // The internal routes only on the vote port (upstream's protocol for upstream services).
  (app) => [...voteRoutes(app), ...internalVoteRoutes(app)],
  // Last: the client's files take every GET that no service route takes.
  clientRoutes,
];

export function collectRoutes(app: AppContext): Route[] {
  return COMPONENTS.flatMap((component) => component(app));
}
