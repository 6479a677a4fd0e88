import { readdirSync } from "node:fs";
import path from "node:path";

// Every route handler under app/api, as Next serves it: its URL path in OpenAPI form (`[id]` ->
// `{id}`, a catch-all `[...all]` -> a prefix) and the HTTP methods its route.ts exports.

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export type ApiRoute = { file: string; path: string; catchAll: boolean; methods: string[]; module: Record<string, unknown> };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

export async function apiRoutes(root = process.cwd()): Promise<ApiRoute[]> {
  const files = routeFiles(path.join(root, "app", "api")).sort();
  return Promise.all(
    files.map(async (full) => {
      const file = path.relative(root, full);
      const segments = path.dirname(file).split(path.sep).slice(1); // without "app"
      const catchAll = segments.some((s) => s.startsWith("[..."));
      const urlPath = `/${segments.filter((s) => !s.startsWith("[...") && !/^\(.*\)$/.test(s)).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
      const module = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((m) => typeof module[m] === "function");
      return { file, path: urlPath, catchAll, methods, module };
    }),
  );
}

/** Documented paths and API paths compare without Flexydial's trailing slash. */
export const bare = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);
