import { describe, expect, it } from "vitest";
import { requestIdOf, routeOf } from "@/lib/api/request-log";

describe("request log fields", () => {
  it("names the route by its pattern, not the ids in it", () => {
    expect(routeOf(new Request("http://x/api/v1/campaigns/camp_1"), { id: "camp_1" })).toBe("/api/v1/campaigns/[id]");
    expect(routeOf(new Request("http://x/api/bulkphonebookupload/status/upl_9/"), { job_id: "upl_9" })).toBe(
      "/api/bulkphonebookupload/status/[job_id]",
    );
    expect(routeOf(new Request("http://x/api/upload-dnc/"), {})).toBe("/api/upload-dnc");
  });

  it("keeps a caller's plain request id and replaces anything else", () => {
    expect(requestIdOf(new Request("http://x", { headers: { "x-request-id": "abc-123_X.y:z" } }))).toBe("abc-123_X.y:z");
    expect(requestIdOf(new Request("http://x", { headers: { "x-request-id": "a b" } }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Request("http://x", { headers: { "x-request-id": "x".repeat(129) } }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Request("http://x"))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
