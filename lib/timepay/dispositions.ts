import type { ApiResult } from "@/lib/api/with-api";
import type { DomainContext } from "@/lib/domain/context";
import type { Disposition } from "@/lib/generated/prisma/client";
import * as dispositions from "@/lib/dispositions/dispositions";
import { inTimepayTerms } from "@/lib/timepay/domain-errors";
import type { CreateDispositionBody, UpdateDispositionBody } from "@/lib/timepay/disposition-bodies";

// TimePay's dispositions API (§2.5): envelopes, messages and status codes over lib/dispositions.

export function createDisposition(ctx: DomainContext, body: CreateDispositionBody): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    const created = await dispositions.createDisposition(ctx, body);
    return { status: 201, body: { success: true, message: "Disposition created successfully", data: serializeDisposition(created) } };
  });
}

export function listDispositions(ctx: DomainContext, query: { page: number; search?: string }): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    const { rows, total, limit } = await dispositions.listDispositions(ctx, query);
    return {
      status: 200,
      body: {
        success: true,
        data: rows.map(serializeDisposition),
        pagination: { page: query.page, limit, total, totalPages: Math.ceil(total / limit) },
      },
    };
  });
}

export function getDisposition(ctx: DomainContext, id: string): Promise<ApiResult> {
  return inTimepayTerms(async () => ({
    status: 200,
    body: { success: true, data: serializeDisposition(await dispositions.getDisposition(ctx, id)) },
  }));
}

export function updateDisposition(ctx: DomainContext, id: string, body: UpdateDispositionBody): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    const updatedFields = await dispositions.updateDisposition(ctx, id, body);
    return { status: 200, body: { success: true, message: "Disposition updated successfully", updatedFields } };
  });
}

export function deleteDisposition(ctx: DomainContext, id: string): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    await dispositions.deleteDisposition(ctx, id);
    return { status: 200, body: { success: true, message: "Disposition deleted successfully" } };
  });
}

export function serializeDisposition(d: Disposition) {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    priority: d.priority,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
