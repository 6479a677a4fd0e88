import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/test/http";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { POST as uploadDncRoute } from "@/app/api/upload-dnc/route";
import { POST as removeDncRoute } from "@/app/api/remove-dnc/route";

// Long DNC lists: 100,000 entries in one request, still all-or-nothing; quoted values cut short.

let a: TestOrg;
beforeAll(async () => {
  a = await createTestOrg("dnc-volume");
});
afterAll(async () => {
  await deleteTestOrg(a);
});

const post = (route: typeof uploadDncRoute, body: unknown) =>
  call(route, { path: "/api/upload-dnc/", apiKey: a.apiKey, scheme: "Token", body });
const numbers = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `6${String(100_000_000 + from + i).padStart(9, "0")}`);

describe("DNC volume", () => {
  it("adds 100,000 entries in one request, then removes them all", async () => {
    const list = numbers(100_000);
    const added = await post(
      uploadDncRoute,
      list.map((numeric) => ({ numeric, campaign: "", global_dnc: "true" })),
    );
    expect(added).toMatchObject({ status: 200, json: { detail: "Data processed successfully" } });
    expect(await db.dncEntry.count({ where: { organizationId: a.id } })).toBe(100_000);
    const removed = await post(
      removeDncRoute,
      list.map((numeric) => ({ numeric })),
    );
    expect(removed).toMatchObject({ status: 200, json: { detail: "DNC numbers removed successfully" } });
    expect(await db.dncEntry.count({ where: { organizationId: a.id } })).toBe(0);
  }, 180_000);

  it("writes nothing when the 20,000th of 20,000 entries is already on the list", async () => {
    await post(uploadDncRoute, [{ numeric: "6399999999", campaign: "", global_dnc: "true" }]);
    const list = [...numbers(19_999, 500_000), "6399999999"];
    const res = await post(
      uploadDncRoute,
      list.map((numeric) => ({ numeric, campaign: "", global_dnc: "true" })),
    );
    expect(res).toMatchObject({ status: 400, json: { detail: "DNC number 6399999999 already exists." } });
    expect(await db.dncEntry.count({ where: { organizationId: a.id } })).toBe(1);
  }, 120_000);

  it("does not echo a 1 MB numeric whole", async () => {
    const huge = "9".repeat(1_000_000);
    const res = await post(uploadDncRoute, [{ numeric: huge, campaign: "", global_dnc: "true" }]);
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(400);
    expect(res.json.detail).toMatch(/^DNC number 9{64}… \(1000000 characters\) is not a valid phone number/);
  });
});
