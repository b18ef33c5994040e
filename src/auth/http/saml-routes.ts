// /system/saml/... (spec B6.6). SAML itself is not implemented: with saml_enabled false (the
// usual case) every route answers as upstream's disabled service does; with saml_enabled
// true the routes say plainly that this server does not support it.
import { isSamlEnabled } from "../users.js";
import { envelope } from "./responses.js";
import type { AuthCall, AuthRoute, AuthRouteDependencies } from "./route-kit.js";

const DISABLED = "SAML SP service is disabled";
const UNSUPPORTED = "SAML SP service is not supported by this server";

export function samlRoutes({ db }: AuthRouteDependencies): AuthRoute[] {
  /** Answers the enabled case (unsupported); false when SAML is disabled. */
  async function answeredAsUnsupported({ res }: AuthCall): Promise<boolean> {
    if (!(await isSamlEnabled(db))) return false;
    res.json(envelope({}, UNSUPPORTED, false), 501);
    return true;
  }
  const disabledAsEnvelope = async (call: AuthCall): Promise<void> => {
    if (!(await answeredAsUnsupported(call))) call.res.json(envelope({}, DISABLED));
  };
  const disabledAsNotFound = async (call: AuthCall): Promise<void> => {
    if (!(await answeredAsUnsupported(call))) call.res.send(DISABLED, "application/json", 404);
  };
  return [
    { method: "GET", path: "/system/saml", handle: disabledAsEnvelope },
    { method: "GET", path: "/system/saml/geturl", handle: disabledAsEnvelope },
    { method: "GET", path: "/system/saml/metadata", handle: disabledAsNotFound },
    { method: "GET", path: "/system/saml/send", handle: disabledAsNotFound },
    { method: "POST", path: "/system/saml/acs", handle: disabledAsNotFound },
    { method: "POST", path: "/system/saml/idplogout", handle: disabledAsNotFound },
    {
      method: "GET",
      path: "/system/saml/logout",
      handle: async ({ res }) => {
        res.header("Location", "/");
        res.send("Found. Redirecting to /", "text/plain; charset=utf-8", 302);
      },
    },
  ];
}
