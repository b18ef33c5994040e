// The action routes' door to request authentication (spec action-service 2.3).
//
// INTEGRATION POINT: src/auth/authenticate-request.ts (Python-flavour rules, refresh cookie,
// session revocation, renewal through the auth service) is written by the auth developer.
// Until it lands this stand-in reads only the access token; replace the body, keep the signature.
import { jwtVerify } from "jose";
import type { HttpRequest } from "../http/types.js";

export interface Authenticated {
  userId: number;
  /** A renewed access token ("bearer <jwt>") for the response header, if authentication produced one. */
  accessToken?: string;
}

export class AuthenticationError extends Error {}

export async function authenticateRequest(req: HttpRequest, tokenKey: string): Promise<Authenticated> {
  const header = req.headers["authentication"];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return { userId: 0 };
  if (!value.startsWith("bearer ")) throw new AuthenticationError(`The credentials are not valid. Reason: Wrong format of token: ${value}`);
  try {
    const { payload } = await jwtVerify(value.slice("bearer ".length), new TextEncoder().encode(tokenKey), { algorithms: ["HS256"] });
    return { userId: Number(payload.userId ?? 0) };
  } catch {
    throw new AuthenticationError("The credentials are not valid. Reason: The jwt is invalid");
  }
}
