// Architecture rules, checked by `npm run lint:arch` (a step of `npm test`). See README "Layout".
// Folder groups, as path regexes (relative to the repo root):
const DOMAIN =
  "^lib/(customers|upload-jobs|campaigns|records|calls|workflows|dnc|dispositions|agents|domain|dashboard|webhooks|messages|organizations)/";
const CONTRACTS = "^lib/(api|timepay|flexydial)/";
// Browser/worker code of the upload wizard: lib/upload-wizard (formerly lib/upload; the other names are kept covered).
const BROWSER = "^lib/(upload-wizard|upload|upload-client|wizard)/";
const SERVER_ONLY = "^(lib/(db|generated)/|node_modules/(pg|pg-boss|pg-pool|@prisma)/|node_modules/next/(server|headers|cache)(\\.js)?$)";
// lib/security (client IP, rate limits, security headers) and lib/text (what Postgres can store)
// serve every request and know no feature: infrastructure, held to the same rule.
const INFRA = "^lib/(jobs|db|api|security|text)/";
// What infrastructure may import: other infrastructure, auth, the domain primitives, generated client, config, logs.
const INFRA_MAY_USE = "^lib/(jobs|db|api|security|text|auth|domain|generated|test)/|^lib/(env|log)\\.ts$";
const TESTS = "\\.test\\.tsx?$|^lib/test/|-test-kit\\.ts$|^e2e/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import circles make load order fragile and hide a missing seam. Type-only imports count too.",
      from: { pathNot: "^lib/generated/" },
      to: { circular: true },
    },
    {
      name: "domain-not-contract",
      severity: "error",
      comment: "The domain is contract-free: no lib/api, no contract adapter (lib/timepay, lib/flexydial), no next/*.",
      from: {
        path: DOMAIN,
        pathNot: TESTS,
      },
      to: { path: [CONTRACTS, "^lib/imports/", "^node_modules/next/"] },
    },
    {
      name: "browser-not-server",
      severity: "error",
      comment: "Wizard browser/worker code runs in the browser: no database, generated client, pg, pg-boss, node:* or next/server.",
      from: {
        path: BROWSER,
        pathNot: TESTS,
      },
      to: { path: SERVER_ONLY },
    },
    {
      name: "browser-not-node-core",
      severity: "error",
      comment: "Wizard browser/worker code cannot use Node built-ins.",
      from: { path: BROWSER, pathNot: TESTS },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "components-not-db",
      severity: "error",
      comment: "Components read data through domain functions, never the database client or generated types.",
      from: {
        path: "^components/",
        pathNot: [
          // TEMPORARY (not in arch's scope, owned by the lead): server page components that query Prisma directly.
          // Move each query into its domain folder (lib/campaigns, lib/calls, lib/upload-jobs, ...), then delete the line.
          "^components/(calls/calls-page|upload/upload-page|settings/settings-page|uploads/uploads-page)\\.tsx$",
        ],
      },
      to: { path: "^lib/(db|generated)/" },
    },
    {
      name: "infra-not-features",
      severity: "error",
      comment: "Infrastructure (lib/jobs, lib/db, lib/api, lib/security, lib/text) never imports a feature; features register with it.",
      from: {
        path: INFRA,
        pathNot: TESTS,
      },
      to: { path: "^lib/", pathNot: INFRA_MAY_USE },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|test-results)/" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
