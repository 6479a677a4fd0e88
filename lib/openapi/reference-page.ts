// The HTML of /docs/api: Scalar's API reference (its standalone bundle, served by this app at
// /docs/api/scalar.js) reading /api/openapi.json. Nothing is loaded from anywhere else: no CDN, no
// web fonts, no proxy; the page's CSP says so to the browser.

export const REFERENCE_SCRIPT_PATH = "/docs/api/scalar.js";

const configuration = {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  telemetry: false,
  // Its "Ask AI" searches Scalar's hosted registry: off, nothing leaves the app.
  agent: { disabled: true },
  // Tag order = the families' order in the document.
  defaultOpenAllTags: false,
};

export const REFERENCE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export function referencePage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Dialsheet API reference</title>
  </head>
  <body>
    <div id="dialsheet-api-reference"></div>
    <script src="${REFERENCE_SCRIPT_PATH}"></script>
    <script>Scalar.createApiReference("#dialsheet-api-reference", ${JSON.stringify(configuration)});</script>
  </body>
</html>
`;
}
