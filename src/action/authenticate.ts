// The action routes' use of the request-authentication helper (spec action-service 2.3): the
// Python flavour (osauthlib rules); its errors are HTTP 400 {"success": false, "message"}.
// A renewed access token is set on the response by the helper; error responses drop it again
// (sendActionError), since upstream sends it with successful answers only.
import { RequestAuthenticationError } from "../auth/authenticate-request.js";
import type { AuthContext } from "../auth/context.js";
import type { HttpRequest, HttpResponse } from "../http/types.js";

export class AuthenticationError extends Error {}

export async function authenticateRequest(auth: AuthContext, req: HttpRequest, res: HttpResponse): Promise<number> {
  try {
    return (await auth.authenticator("python").authenticate(req, res)).userId;
  } catch (error) {
    if (error instanceof RequestAuthenticationError) throw new AuthenticationError(error.message);
    throw error;
  }
}
