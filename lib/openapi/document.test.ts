import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { apiRoutes, bare } from "@/lib/test/api-routes";
import { responseProblems } from "@/lib/test/openapi";
import { openApiDocument, ROUTES } from "./document";

// The API reference lists every route the app serves, and what it shows is true: the seeds'
// examples fit their schemas. (lib/test/http.ts checks every contract test's responses against it.)

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};
const document = openApiDocument() as Doc;

describe("the OpenAPI document", () => {
  it("documents every method of every route.ts under app/api", async () => {
    const routes = await apiRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const documented = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${bare(path)}`),
    );
    const missing = routes.flatMap((route) =>
      route.methods
        .filter((m) =>
          route.catchAll ? !documented.some((d) => d.startsWith(`${m} ${route.path}/`)) : !documented.includes(`${m} ${bare(route.path)}`),
        )
        .map((m) => `${m} ${route.path}${route.catchAll ? "/*" : ""} (${route.file})`),
    );
    expect(missing).toEqual([]);
  });

  it("documents no route that does not exist", async () => {
    const routes = await apiRoutes();
    const served = (method: string, path: string) =>
      routes.some(
        (r) =>
          (r.methods as string[]).includes(method) && (r.catchAll ? path.startsWith(`${r.path}/`) : pathMatches(bare(r.path), bare(path))),
      );
    const extra = ROUTES.filter((r) => !served(r.method.toUpperCase(), r.path)).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(extra).toEqual([]);
  });

  it("is OpenAPI 3.1 with both families' auth schemes, and every operation says how it is authenticated", () => {
    expect(document.openapi).toBe("3.1.0");
    const schemes =
      (document.components as { securitySchemes?: Record<string, { type: string; scheme?: string; name?: string }> }).securitySchemes ?? {};
    expect(schemes.timepayBearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.flexydialToken).toMatchObject({ type: "apiKey", name: "Authorization" });
    expect(document.paths["/api/v1/customers/add/bulk"].post.security).toEqual([{ timepayBearer: [] }]);
    expect(document.paths["/api/bulkphonebookupload/v1/"].post.security).toEqual([{ flexydialToken: [] }]);
    expect(document.paths["/api/generate-token/"].post.security).toEqual([]);
  });

  it("every schema compiles and every $ref resolves", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema(document, "doc", undefined, false);
    for (const id of Object.keys(document.components.schemas))
      expect(() => ajv.compile({ $ref: `doc#/components/schemas/${id}` }), id).not.toThrow();
  });

  it("every example (the seeds' included) fits the schema it is listed under", () => {
    const problems = ROUTES.flatMap((route) =>
      Object.entries(route.responses).flatMap(([status, doc]) =>
        Object.entries(doc.examples ?? {}).flatMap(([name, value]) =>
          responseProblems(route.method, route.path, Number(status), value).map((p) => `${name}: ${p}`),
        ),
      ),
    );
    expect(problems).toEqual([]);
    const bulk = document.paths["/api/v1/customers/add/bulk"].post.responses as Record<
      string,
      { content: Record<string, { examples: Record<string, unknown> }> }
    >;
    expect(Object.keys(bulk["207"].content["application/json"].examples)).toEqual(["Partial Success"]);
    expect(Object.keys(bulk["201"].content["application/json"].examples)).toEqual([
      "All Added Successfully",
      "All Added with Calls",
      "All Added with Workflow",
    ]);
  });

  it("refuses a body the route does not answer with", () => {
    expect(responseProblems("post", "/api/v1/customers/add/bulk", 404, { success: false, message: "Campaign not found" })).toEqual([]);
    expect(
      responseProblems("post", "/api/v1/customers/add/bulk", 404, { success: false, message: "Campaign not found", extra: 1 }),
    ).not.toEqual([]);
    expect(responseProblems("post", "/api/v1/customers/add/bulk", 418, {})).toEqual([
      "POST /api/v1/customers/add/bulk 418: status 418 is not documented",
    ]);
  });
});

function pathMatches(served: string, documented: string) {
  const pattern = new RegExp(`^${served.replace(/\{\w+\}/g, "[^/]+")}$`);
  return pattern.test(documented) || served === documented;
}
