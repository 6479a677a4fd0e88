// GET /docs/api/scalar.js - Scalar's standalone API reference bundle, from node_modules (no CDN)
import { readFile } from "node:fs/promises";
import path from "node:path";

let bundle: Promise<string> | null = null;

export async function GET() {
  bundle ??= readFile(path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js"), "utf8");
  return new Response(await bundle, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
