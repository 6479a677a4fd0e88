// GET /docs/api - the API reference (Scalar) of /api/openapi.json, served entirely by this app
import { REFERENCE_CSP, referencePage } from "@/lib/openapi/reference-page";

export const GET = () =>
  new Response(referencePage(), { headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": REFERENCE_CSP } });
