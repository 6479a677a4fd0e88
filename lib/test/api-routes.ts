import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { storableText } from "@/lib/text/storable-text";

// Every route handler and page of the app, found on disk, so sweeps over them grow with the app:
// a route added tomorrow is swept tomorrow without anyone listing it.

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type ApiRoute = {
  /** app/api/v1/campaigns/[id]/route.ts */
  file: string;
  /** /api/v1/campaigns/[id] */
  pattern: string;
  /** Dynamic segment names in order: ["id"]; a catch-all `[...all]` is "all". */
  params: string[];
  methods: HttpMethod[];
  handlers: Partial<Record<HttpMethod, Handler>>;
  /** The path in OpenAPI form (`[id]` -> `{id}`); for a catch-all, the prefix before it. */
  path: string;
  catchAll: boolean;
  module: Record<string, unknown>;
};

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function walk(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(full, name);
    return entry.name === name ? [full] : [];
  });
}

function urlPattern(relativeDir: string): string {
  const segments = relativeDir.split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]);
}

export async function apiRoutes(): Promise<ApiRoute[]> {
  const files = walk(path.join(ROOT, "app", "api"), "route.ts").sort();
  return Promise.all(
    files.map(async (full) => {
      const mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
      const pattern = urlPattern(path.relative(path.join(ROOT, "app"), path.dirname(full)));
      return {
        file: path.relative(ROOT, full),
        pattern,
        params: paramNames(pattern),
        methods,
        handlers: Object.fromEntries(methods.map((m) => [m, mod[m] as Handler])),
        path: openApiPath(pattern),
        catchAll: pattern.includes("[..."),
        module: mod,
      };
    }),
  );
}

export type AppPage = { file: string; pattern: string; params: string[] };

export function appPages(): AppPage[] {
  return walk(path.join(ROOT, "app"), "page.tsx")
    .sort()
    .map((full) => {
      const pattern = urlPattern(path.relative(path.join(ROOT, "app"), path.dirname(full)));
      return { file: path.relative(ROOT, full), pattern, params: paramNames(pattern) };
    });
}

/** `pattern` with each parameter replaced; a catch-all takes a "/"-joined value as it is. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest: string | undefined, name: string) =>
    // A URL cannot carry a lone surrogate; the handler still gets the raw value in `params`.
    rest ? values[name] : encodeURIComponent(storableText(values[name])),
  );
}

/** What Next passes as `params` for those values (catch-alls as arrays of segments). */
export function routeParams(pattern: string, values: Record<string, string>): Record<string, string | string[]> {
  return Object.fromEntries(
    [...pattern.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => [m[2], m[1] ? values[m[2]].split("/") : values[m[2]]]),
  );
}

/** Documented paths and API paths compare without Flexydial's trailing slash. */
export const bare = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);

function openApiPath(pattern: string): string {
  return (
    pattern
      .split("/")
      .filter((s) => !s.startsWith("[..."))
      .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
      .join("/") || "/"
  );
}
