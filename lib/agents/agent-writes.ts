import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateAgentInput, UpdateAgentInput } from "@/lib/agents/agent-input";

// Creating and changing agents. Deactivating is `active: false`: the dial engine checks it before
// every call (scheduling refuses, waiting attempts end blocked), so an inactive agent takes no new calls.

export async function createAgent(ctx: DomainContext, input: CreateAgentInput) {
  assertWriter(ctx);
  try {
    return await db.agent.create({
      data: {
        organizationId: ctx.organizationId,
        ...input,
        voice: input.voice ?? null,
        language: input.language ?? null,
        variables: input.variables ?? [],
      },
    });
  } catch (error) {
    throw usernameTaken(error) ?? error;
  }
}

export async function updateAgent(ctx: DomainContext, id: string, input: UpdateAgentInput) {
  assertWriter(ctx);
  if (Object.values(input).every((v) => v === undefined))
    throw new Invalid("No valid fields provided for update", { issues: ["No valid fields provided for update"] });
  const agent = await db.agent.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!agent) throw new NotFound("Agent not found", { resource: "agent", value: id });
  try {
    return await db.agent.update({ where: { id: agent.id }, data: input });
  } catch (error) {
    throw usernameTaken(error) ?? error;
  }
}

function assertWriter(ctx: DomainContext) {
  if (ctx.actor.role === "viewer") throw new Forbidden("Viewers cannot change agents");
}

function usernameTaken(error: unknown) {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new Conflict("An agent with this username already exists", { resource: "agent", field: "username" });
  }
  return null;
}
