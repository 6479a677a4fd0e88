import { contractError } from "@/lib/api/errors";
import type { ApiResult } from "@/lib/api/with-api";
import type { DomainContext } from "@/lib/domain/context";
import * as groups from "@/lib/dispositions/groups";
import type { GroupWithMembers } from "@/lib/dispositions/groups";
import { inTimepayTerms } from "@/lib/timepay/domain-errors";
import { groupMembersBody, NON_EMPTY_LIST, type CreateGroupBody, type UpdateGroupBody } from "@/lib/timepay/disposition-bodies";

// TimePay's disposition groups (§2.5). `expand` adds `dispositionDetails` to each group.

export function createGroup(ctx: DomainContext, body: CreateGroupBody): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    const group = await groups.createGroup(ctx, body);
    return { status: 201, body: { success: true, message: "Disposition group created successfully", data: serializeGroup(group, false) } };
  });
}

export function listGroups(ctx: DomainContext, query: { page: number; search?: string; expand: boolean }): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    const { rows, total, limit } = await groups.listGroups(ctx, query);
    return {
      status: 200,
      body: {
        success: true,
        data: rows.map((g) => serializeGroup(g, query.expand)),
        pagination: { page: query.page, limit, total, totalPages: Math.ceil(total / limit) },
      },
    };
  });
}

export function getGroup(ctx: DomainContext, id: string, expand: boolean): Promise<ApiResult> {
  return inTimepayTerms(async () => ({
    status: 200,
    body: { success: true, data: serializeGroup(await groups.getGroup(ctx, id), expand) },
  }));
}

export function updateGroup(ctx: DomainContext, id: string, body: UpdateGroupBody): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    const updatedFields = await groups.updateGroup(ctx, id, body);
    return { status: 200, body: { success: true, message: "Disposition group updated successfully", updatedFields } };
  });
}

export function deleteGroup(ctx: DomainContext, id: string): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    await groups.deleteGroup(ctx, id);
    return { status: 200, body: { success: true, message: "Disposition group deleted successfully" } };
  });
}

/** POST and DELETE …/groups/{id}/dispositions. The list is checked here: TimePay answers a bare message. */
export function changeMembers(ctx: DomainContext, id: string, rawBody: unknown, change: "add" | "remove"): Promise<ApiResult> {
  return inTimepayTerms(async () => {
    const parsed = groupMembersBody.safeParse(rawBody);
    if (!parsed.success) throw contractError(400, { success: false, message: parsed.error.issues[0]?.message ?? NON_EMPTY_LIST });
    if (change === "add") {
      await groups.addToGroup(ctx, id, parsed.data.dispositions);
      return { status: 200, body: { success: true, message: "Dispositions added to group successfully" } };
    }
    await groups.removeFromGroup(ctx, id, parsed.data.dispositions);
    return { status: 200, body: { success: true, message: "Dispositions removed from group successfully" } };
  });
}

function serializeGroup(group: GroupWithMembers, expand: boolean) {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    dispositions: group.members.map((m) => m.dispositionId),
    ...(expand && { dispositionDetails: group.members.map((m) => m.disposition) }),
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  };
}
