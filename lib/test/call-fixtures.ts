import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// Customers and call rows written directly, for tests of the read side (logs, call details, the
// Calls page): every state and result a call can be in, at known instants.

export async function createTestCustomer(
  campaignId: string,
  fields: { identifier?: string; phone?: string; firstName?: string; lastName?: string } = {},
) {
  const phone = fields.phone ?? `+9198${randomBytes(4).readUInt32BE(0).toString().padStart(8, "0").slice(0, 8)}`;
  return db.customer.create({
    data: {
      campaignId,
      identifier: fields.identifier ?? `LN-${randomBytes(4).toString("hex")}`,
      phoneRaw: phone.replace(/^\+91/, ""),
      phoneE164: phone,
      firstName: fields.firstName ?? "Test",
      lastName: fields.lastName ?? "Customer",
    },
  });
}

type CallFields = Omit<Prisma.CallUncheckedCreateInput, "organizationId" | "campaignId" | "customerId" | "agentId" | "toPhone">;

export async function createTestCall(
  refs: { organizationId: string; campaignId: string; customer: { id: string; phoneE164: string }; agentId: string },
  fields: CallFields = {},
) {
  return db.call.create({
    data: {
      organizationId: refs.organizationId,
      campaignId: refs.campaignId,
      customerId: refs.customer.id,
      agentId: refs.agentId,
      toPhone: refs.customer.phoneE164,
      ...fields,
    },
  });
}

/** A placed call with a result, `seconds` long, dialled at `at`. */
export function resultFields(at: string, outcome: "Contacted" | "No Contact" | "Failed", extra: CallFields = {}): CallFields {
  const dialedAt = new Date(at);
  const duration = (extra.duration as number | undefined) ?? 30;
  const startedAt = new Date(dialedAt.getTime() + 5_000);
  return {
    state: outcome === "Contacted" ? "completed" : "failed",
    dialedAt,
    startedAt,
    endedAt: new Date(startedAt.getTime() + duration * 1000),
    finishedAt: new Date(startedAt.getTime() + duration * 1000),
    outcome,
    duration,
    fromPhone: "+918035450808",
    createdAt: new Date(dialedAt.getTime() - 60_000),
    ...extra,
  };
}
