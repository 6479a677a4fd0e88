import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/[...path]/route";
import { call } from "@/lib/test/http";

// Unknown /api paths answer JSON 404s in their family's shape (the HTTP spec checks the same
// through the real server, trailing slashes included).

describe("unknown /api paths", () => {
  it("answer TimePay's 404 under /api/v1", async () => {
    const res = await call(GET, { path: "/api/v1/customers/nope" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.json).toEqual({ success: false, message: "Route not found" });
  });

  it("answer DRF's 404 on Flexydial's paths", async () => {
    for (const path of ["/api/bulkphonebookupload/v2", "/api/bulkphonebookupload/status/a/b", "/api/upload-dnc/extra"]) {
      const res = await call(POST, { path, body: {} });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ detail: "Not found." });
    }
  });

  it("answer the app's shape elsewhere", async () => {
    const res = await call(GET, { path: "/api/nothing-here" });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "not_found", message: "No API route for GET /api/nothing-here" } });
  });
});
