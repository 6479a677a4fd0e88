import { db } from "@/lib/db/client";
import { storedRecord } from "@/lib/customers/customer-columns";
import type { DomainContext } from "@/lib/domain/context";
import { customerInScope } from "./campaign-scope";

// Everything about one contact: every field of its record in the campaign's field order, the
// phone as entered and as E.164, the DNC entries that cover its number, and the upload that
// created it.

export type DncState = { scope: "global" | "campaign"; status: "active" | "inactive"; createdAt: Date };

export async function contactDetail(ctx: DomainContext, campaignId: string, customerId: string) {
  const { campaign, schema, policy, customer } = await customerInScope(ctx, campaignId, customerId);
  const [dnc, uploadJob] = await Promise.all([
    db.dncEntry.findMany({
      where: { organizationId: ctx.organizationId, phoneE164: customer.phoneE164, scope: { in: ["", campaign.id] } },
      select: { scope: true, status: true, createdAt: true },
      orderBy: { scope: "asc" },
    }),
    customer.uploadJobId
      ? db.uploadJob.findFirst({
          where: { id: customer.uploadJobId, organizationId: ctx.organizationId },
          select: { id: true, source: true, fileName: true, reference: true, createdAt: true },
        })
      : null,
  ]);
  const record = storedRecord({ ...customer, data: (customer.data ?? {}) as Record<string, unknown> }, schema);
  const known = new Set(schema.fields.map((f) => f.key));
  const fields = [
    ...schema.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, value: record[f.key] ?? null })),
    // Keys a TimePay client sent beyond the schema are kept with the record: show them too.
    ...Object.keys(record)
      .filter((k) => !known.has(k))
      .map((k) => ({ key: k, label: k, type: "extra" as const, required: false, value: record[k] })),
  ];
  const dncStates: DncState[] = dnc.map((d) => ({
    scope: d.scope === "" ? "global" : "campaign",
    status: d.status,
    createdAt: d.createdAt,
  }));
  return {
    campaign: { id: campaign.id, name: campaign.name, phoneCountry: campaign.phoneCountry },
    schema,
    policy,
    customer: {
      id: customer.id,
      identifier: customer.identifier,
      phoneRaw: customer.phoneRaw,
      phoneE164: customer.phoneE164,
      firstName: customer.firstName,
      lastName: customer.lastName,
      assignedTo: customer.assignedTo,
      status: customer.status,
      createdAt: customer.createdAt,
      updatedAt: customer.updatedAt,
    },
    fields,
    dnc: dncStates,
    blocked: dncStates.find((d) => d.status === "active" && d.scope === "global") ?? dncStates.find((d) => d.status === "active") ?? null,
    uploadJob,
  };
}
