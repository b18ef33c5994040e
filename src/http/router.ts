// Finds the route for a request. Exact paths come before prefixes ("/x/*"), longer prefixes
// before shorter ones; the first route of that order that accepts the method wins. A route may
// ask for Express-like matching (any letter case, optional trailing slash), as upstream auth has.
import type { Route } from "./types.js";

interface CompiledRoute {
  route: Route;
  /** The path as compared: lower-cased when the route ignores case, without the "/*" of a prefix. */
  pattern: string;
  prefix: boolean;
}

function compile(route: Route): CompiledRoute {
  const prefix = route.path.endsWith("/*");
  let pattern = prefix ? route.path.slice(0, -2) : route.path;
  if (route.caseInsensitive) pattern = pattern.toLowerCase();
  if (route.optionalTrailingSlash && pattern.length > 1 && pattern.endsWith("/")) pattern = pattern.slice(0, -1);
  return { route, pattern, prefix };
}

function comparable(path: string, route: Route): string {
  let result = route.caseInsensitive ? path.toLowerCase() : path;
  if (route.optionalTrailingSlash && result.length > 1 && result.endsWith("/")) result = result.slice(0, -1);
  return result;
}

function matches(compiled: CompiledRoute, path: string): boolean {
  const candidate = comparable(path, compiled.route);
  if (!compiled.prefix) return candidate === compiled.pattern;
  return candidate === compiled.pattern || candidate.startsWith(`${compiled.pattern}/`);
}

function acceptsMethod(route: Route, method: string): boolean {
  return route.method === "*" || route.method.toUpperCase() === method;
}

export interface RouteMatch {
  route?: Route;
  /** The methods served at the path when none of them is the requested one (an answer 405); empty for 404. */
  allowed: string[];
}

export class Router {
  /** Plain exact routes by path: the common case, one map lookup. */
  private readonly strict = new Map<string, Route[]>();
  /** Exact routes with loose matching, then prefixes from the longest down. */
  private readonly scanned: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    const loose: CompiledRoute[] = [];
    const prefixes: CompiledRoute[] = [];
    for (const route of routes) {
      const compiled = compile(route);
      if (compiled.prefix) prefixes.push(compiled);
      else if (route.caseInsensitive || route.optionalTrailingSlash) loose.push(compiled);
      else this.strict.set(route.path, [...(this.strict.get(route.path) ?? []), route]);
    }
    prefixes.sort((a, b) => b.pattern.length - a.pattern.length);
    this.scanned = [...loose, ...prefixes];
  }

  /** HEAD is not served by GET routes (upstream's action service answers 405). The catch-all "/*" comes last. */
  find(method: string, path: string): RouteMatch {
    const upper = method.toUpperCase();
    // An exact route that takes the method wins over every prefix: no scan needed.
    const exact = this.strict.get(path)?.find((candidate) => acceptsMethod(candidate, upper));
    if (exact) return { route: exact, allowed: [] };
    let candidates = [...(this.strict.get(path) ?? []), ...this.scanned.filter((compiled) => matches(compiled, path)).map((compiled) => compiled.route)];
    // The catch-all "/*" (the client's files) only serves paths no other route knows, so a
    // known path asked with the wrong method stays a 405.
    const specific = candidates.filter((candidate) => candidate.path !== "/*");
    if (specific.length > 0) candidates = specific;
    const route = candidates.find((candidate) => acceptsMethod(candidate, upper));
    return { route, allowed: route ? [] : [...new Set(candidates.map((candidate) => candidate.method.toUpperCase()))] };
  }
}
