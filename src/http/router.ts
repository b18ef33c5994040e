// Finds the route for a request: exact paths first, then the longest matching "/*" prefix.
import type { Route } from "./types.js";

export class Router {
  private readonly exact = new Map<string, Route[]>();
  private readonly prefixes: Route[];

  constructor(routes: Route[]) {
    const prefixes: Route[] = [];
    for (const route of routes) {
      if (route.path.endsWith("/*")) prefixes.push(route);
      else this.exact.set(route.path, [...(this.exact.get(route.path) ?? []), route]);
    }
    this.prefixes = prefixes.sort((a, b) => b.path.length - a.path.length);
  }

  /**
   * The route for method and path; `allowed` lists the methods of the path when only the method
   * is wrong. HEAD is not served by GET routes (upstream's action service answers 405).
   */
  find(method: string, path: string): { route?: Route; allowed: string[] } {
    const candidates = this.exact.get(path) ?? this.prefixes.filter((route) => path.startsWith(route.path.slice(0, -1)) || path === route.path.slice(0, -2));
    const route = candidates.find((candidate) => candidate.method === "*" || candidate.method === method);
    return { route, allowed: route ? [] : [...new Set(candidates.map((candidate) => candidate.method))] };
  }
}
