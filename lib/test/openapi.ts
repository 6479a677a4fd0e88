import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import { openApiDocument } from "@/lib/openapi/document";
import { apiRoutes, bare } from "./api-routes";

// Validates a response against the OpenAPI document's schema for its path, method and status.
// lib/test/http.ts `call()` does it for every route handler under app/api, so every contract
// test's responses are checked against the published reference.

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
let added = false;
const compiled = new Map<string, ValidateFunction>();

const pointer = (...segments: string[]) => segments.map((s) => encodeURIComponent(s.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

/** Problems of `body` as the answer `status` of `method path` (a documented path), or [] when it fits. */
export function responseProblems(method: string, documentedPath: string, status: number, body: unknown): string[] {
  const document = openApiDocument() as { paths: Record<string, Record<string, Operation>> };
  const where = `${method.toUpperCase()} ${documentedPath} ${status}`;
  const operation = document.paths[documentedPath]?.[method.toLowerCase()];
  if (!operation) return [`${method.toUpperCase()} ${documentedPath} is not in the OpenAPI document`];
  const content = operation.responses?.[String(status)]?.content;
  // A documented file (an export, a report) is not JSON: its bytes are the route test's to check.
  if (content && !content["application/json"] && Object.keys(content).length > 0 && body === undefined) return [];
  if (!content?.["application/json"]?.schema) return [`${where}: status ${status} is not documented`];
  if (!added) {
    ajv.addSchema(document, "openapi", undefined, false);
    added = true;
  }
  const ref = `openapi#/${pointer("paths", documentedPath, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}`;
  let validate = compiled.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${where}: ${e.instancePath || "(body)"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`,
  );
}

type Routed = { path: string; methods: string[] };
let byHandler: Promise<Map<unknown, Routed>> | null = null;

/** The documented path of a route handler exported by a route.ts under app/api, or null. */
export async function documentedPathOf(handler: unknown): Promise<string | null> {
  byHandler ??= apiRoutes().then((routes) => {
    const map = new Map<unknown, Routed>();
    for (const route of routes) {
      if (route.catchAll) continue;
      for (const m of route.methods) if (!map.has(route.module[m])) map.set(route.module[m], { path: route.path, methods: route.methods });
    }
    return map;
  });
  const route = (await byHandler).get(handler);
  if (!route) return null;
  const document = openApiDocument() as { paths: Record<string, unknown> };
  const documented = Object.keys(document.paths).find((p) => bare(p) === bare(route.path));
  return documented ?? route.path;
}
