import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "@/lib/log";
import { maskText } from "@/lib/log-mask";

// Log lines are JSON, carry what operations need, and never a phone number or a person's name.

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(stream, "info"), lines };
}

describe("logger", () => {
  it("writes one JSON object per line with level label, time and message", async () => {
    const { logger, lines } = capture();
    logger.info({ requestId: "r1", organizationId: "org_1", route: "/api/v1/campaigns/[id]", status: 200, durationMs: 3.2 }, "request");
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([
      {
        level: "info",
        time: expect.any(String),
        message: "request",
        requestId: "r1",
        organizationId: "org_1",
        route: "/api/v1/campaigns/[id]",
        status: 200,
        durationMs: 3.2,
      },
    ]);
  });

  it("masks phone numbers anywhere and names under personal keys", async () => {
    const { logger, lines } = capture();
    logger.error(
      {
        error: "duplicate key (phoneE164)=(+919876543210) and 98765 43210",
        contact: { first_name: "Asha", phone_number: "9876543210", numeric: 9876543210 },
        rows: 12,
      },
      "customer insert batch failed for +91 98765 43210",
    );
    await new Promise((r) => setImmediate(r));
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/9876543210|98765 43210|Asha/);
    expect(lines[0]).toMatchObject({ rows: 12, contact: { first_name: "A***", phone_number: "9***", numeric: "9***" } });
    expect(lines[0].error).toBe("duplicate key (phoneE164)=(**********10) and ********10");
  });

  it("keeps request and record ids whole", async () => {
    const { logger, lines } = capture();
    logger.info({ requestId: "1783fad1-2345-4e23-b9f2-96453a3a666b", uploadJobId: "upl_12345678901234567890" }, "request");
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatchObject({ requestId: "1783fad1-2345-4e23-b9f2-96453a3a666b", uploadJobId: "upl_12345678901234567890" });
  });

  it("leaves short numbers, counts and ids alone", () => {
    expect(maskText("batch 12 of 300, job upl_ab12, 2026-12-01")).toBe("batch 12 of 300, job upl_ab12, 2026-12-01");
  });
});
