import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/domain/errors";
import { createTestOrg, deleteTestOrg, type TestOrg } from "@/lib/test/fixtures";
import { contextOf } from "./calls-test-kit";
import { DEFAULT_CALL_SETTINGS, getCallSettings, updateCallSettings } from "./call-settings";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("call-settings");
});
afterAll(() => deleteTestOrg(org));

describe("call settings", () => {
  it("default to 3 attempts per number per 24 h, 50 concurrent calls and the simulated dialer", async () => {
    expect(await getCallSettings(org.id)).toEqual({ organizationId: org.id, ...DEFAULT_CALL_SETTINGS });
    expect(DEFAULT_CALL_SETTINGS).toMatchObject({ frequencyCap: 3, maxConcurrentCalls: 50, dialerKind: "simulated" });
  });

  it("are changed by admins, each rule checked", async () => {
    const ctx = contextOf(org.id);
    const secret = `whsec_${Buffer.from("0123456789abcdef0123").toString("base64")}`;
    expect(await updateCallSettings(ctx, { dialerKind: "http", providerUrl: "https://provider.example/calls", providerSecret: secret, frequencyCap: 2 })).toMatchObject({
      dialerKind: "http", providerUrl: "https://provider.example/calls", providerSecret: secret, frequencyCap: 2, maxConcurrentCalls: 50,
    });
    await expect(updateCallSettings(ctx, { simulatedFailedPct: 50 })).rejects.toMatchObject({ details: { issues: ["simulatedContactedPct + simulatedNoContactPct + simulatedFailedPct must add up to 100"] } });
    await expect(updateCallSettings(ctx, { providerUrl: null })).rejects.toMatchObject({ details: { issues: ["the http dialer needs providerUrl and providerSecret"] } });
    await expect(updateCallSettings(ctx, { frequencyCap: 0 })).rejects.toBeInstanceOf(Invalid);
    await expect(updateCallSettings(ctx, { nope: 1 } as never)).rejects.toBeInstanceOf(Invalid);
    await expect(updateCallSettings({ ...ctx, actor: { ...ctx.actor, role: "operator" } }, { frequencyCap: 5 })).rejects.toBeInstanceOf(Forbidden);
    expect((await getCallSettings(org.id)).frequencyCap).toBe(2);
  });
});
