import { z } from "zod";
import { appCallRoutes } from "./app-call-routes";
import { appContactRoutes } from "./app-contact-routes";
import { appDncRoutes } from "./app-dnc-routes";
import { appRoutes } from "./app-routes";
import { appWorkflowRoutes } from "./app-workflow-routes";
import { appTeamRoutes } from "./app-team-routes";
import { flexydialRoutes } from "./flexydial-routes";
import type { Family, RouteDoc } from "./route-doc";
import { timepayCallRoutes } from "./timepay-call-routes";
import { timepayRoutes } from "./timepay-routes";

// The OpenAPI 3.1 document of every route, generated from the routes' zod schemas (zod 4's JSON
// Schema output, draft 2020-12 as OpenAPI 3.1 uses). Served at /api/openapi.json, rendered at
// /docs/api; tests check that it lists every route under app/api and validate responses against it.

export const ROUTES: readonly RouteDoc[] = [
  ...timepayRoutes,
  ...timepayCallRoutes,
  ...flexydialRoutes,
  ...appRoutes,
  ...appCallRoutes,
  ...appContactRoutes,
  ...appWorkflowRoutes,
  ...appDncRoutes,
  ...appTeamRoutes,
];

type Json = Record<string, unknown>;

const SECURITY_SCHEMES = {
  timepayBearer: {
    type: "http",
    scheme: "bearer",
    description: "TimePay: `Authorization: Bearer <key>`, a key made on the settings screen (or by generate-token).",
  },
  flexydialToken: {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description: "Flexydial: `Authorization: Token <key>`, the key from POST /api/generate-token/ (the same keys as TimePay's).",
  },
  session: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The app's signed-in browser session." },
};

const TAGS: { name: Family; description: string }[] = [
  { name: "TimePay", description: "TimePay AI agents' contract: customers and campaigns. Errors are `{ success: false, ... }`." },
  {
    name: "Flexydial",
    description: "Flexydial (Buzzworks) contract: bulk contact upload, status, DNC, tokens. Errors are `{ errors }` or `{ detail }`.",
  },
  { name: "App", description: "Dialsheet's own routes (upload wizard, sign-in). Errors are `{ error: { code, message } }`." },
];

function security(route: RouteDoc): Json[] {
  if (route.auth === "none") return [];
  if (route.auth === "session") return [{ session: [] }];
  if (route.family === "TimePay") return [{ timepayBearer: [] }];
  if (route.family === "Flexydial") return [{ flexydialToken: [] }];
  return [{ session: [] }, { timepayBearer: [] }];
}

/** JSON Schema of `schema`; named schemas (`.meta({ id })`) go to `components` and are referenced. */
function jsonSchema(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const { $schema: _, $defs, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  for (const [id, def] of Object.entries(($defs ?? {}) as Json)) components[id] ??= def;
  return rest;
}

function parameters(route: RouteDoc, components: Json): Json[] {
  const list: Json[] = [];
  const add = (where: "path" | "query", object: z.ZodObject | undefined) => {
    for (const [name, field] of Object.entries(object?.shape ?? {})) {
      const { description, ...schema } = jsonSchema(field as z.ZodType, "input", components);
      const required = where === "path" || !(field as z.ZodType).safeParse(undefined).success;
      list.push({ name, in: where, required, schema, ...(description !== undefined && { description }) });
    }
  };
  add("path", route.params);
  for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
    const bare = name.slice(1, -1);
    if (!list.some((p) => p.name === bare)) list.push({ name: bare, in: "path", required: true, schema: { type: "string" } });
  }
  add("query", route.query);
  if (route.responses[422]) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      schema: { type: "string", maxLength: 255 },
      description: "Retry safely: the same key and body answer the first response again.",
    });
  }
  return list;
}

function operation(route: RouteDoc, components: Json): Json {
  const responses: Json = {};
  for (const [status, doc] of Object.entries(route.responses)) {
    const examples = doc.examples && Object.fromEntries(Object.entries(doc.examples).map(([name, value]) => [name, { value }]));
    responses[status] = {
      description: doc.description,
      content: {
        [doc.contentType ?? "application/json"]: { schema: jsonSchema(doc.schema, "output", components), ...(examples && { examples }) },
      },
    };
  }
  return {
    tags: [route.family],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    security: security(route),
    parameters: parameters(route, components),
    ...(route.body && {
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: jsonSchema(route.body, "input", components),
            ...(route.bodyExample !== undefined && { example: route.bodyExample }),
          },
        },
      },
    }),
    responses,
  };
}

let cached: Json | null = null;

export function openApiDocument(): Json {
  if (cached) return cached;
  const schemas: Json = {};
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    if (paths[route.path][route.method]) throw new Error(`OpenAPI: ${route.method.toUpperCase()} ${route.path} is documented twice`);
    paths[route.path][route.method] = operation(route, schemas);
  }
  const document = {
    openapi: "3.1.0",
    info: {
      title: "Dialsheet API",
      version: "0.1.0",
      description:
        "Every route of Dialsheet: the TimePay and Flexydial contracts and the app's own. Generated from the routes' zod schemas.",
    },
    tags: TAGS,
    paths,
    components: { securitySchemes: SECURITY_SCHEMES, schemas },
  };
  // zod writes references to its own $defs; in the document they live in components.schemas.
  cached = JSON.parse(JSON.stringify(document).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  return cached;
}
