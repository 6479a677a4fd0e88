// GET /api/openapi.json - the OpenAPI 3.1 document of every route, generated from their zod schemas
import { openApiDocument } from "@/lib/openapi/document";

export const GET = () => Response.json(openApiDocument(), { headers: { "Cache-Control": "no-cache" } });
