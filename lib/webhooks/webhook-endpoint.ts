import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { DomainContext } from "@/lib/domain/context";
import { Forbidden, NotFound } from "@/lib/domain/errors";

// The organization's results-out endpoint: where each call result is POSTed (TimePay's call
// webhook shape) with `Authorization: Bearer <secret>`. One per organization; admins manage it.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export const webhookUrlSchema = z
  .string({ error: "url is required and must be a string" })
  .trim()
  .max(2000, "url must be at most 2000 characters")
  .refine((value) => URL.canParse(value), "url must be an absolute URL (https://…)")
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
  }, "url must use https (plain http only to localhost)");

export const saveWebhookSchema = z
  .object(
    {
      url: webhookUrlSchema,
      enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
      /** A secret of the receiver's choosing; omitted keeps the current one (or generates one). */
      secret: z
        .string({ error: "secret must be a string" })
        .trim()
        .min(16, "secret must be at least 16 characters")
        .max(200, "secret must be at most 200 characters")
        .optional(),
      rotateSecret: z.boolean({ error: "rotateSecret must be true or false" }).optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `Unknown field(s): ${issue.keys.join(", ")} (use url, enabled, secret, rotateSecret)`
          : "Request body must be a JSON object",
    },
  )
  .strict();
export type SaveWebhookInput = z.output<typeof saveWebhookSchema>;

export const webhookEndpointViewSchema = z
  .object({ url: z.string(), secret: z.string(), enabled: z.boolean(), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;

export async function getWebhookEndpoint(organizationId: string): Promise<WebhookEndpointView | null> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { organizationId } });
  return endpoint && view(endpoint);
}

export async function saveWebhookEndpoint(ctx: DomainContext, input: SaveWebhookInput): Promise<WebhookEndpointView> {
  assertAdmin(ctx);
  const current = await db.webhookEndpoint.findUnique({ where: { organizationId: ctx.organizationId } });
  const secret = input.secret ?? (input.rotateSecret || !current ? newWebhookSecret() : current.secret);
  const saved = await db.webhookEndpoint.upsert({
    where: { organizationId: ctx.organizationId },
    create: { organizationId: ctx.organizationId, url: input.url, secret, enabled: input.enabled ?? true },
    update: { url: input.url, secret, ...(input.enabled !== undefined && { enabled: input.enabled }) },
  });
  return view(saved);
}

export async function deleteWebhookEndpoint(ctx: DomainContext): Promise<void> {
  assertAdmin(ctx);
  const { count } = await db.webhookEndpoint.deleteMany({ where: { organizationId: ctx.organizationId } });
  if (count === 0) throw new NotFound("No webhook endpoint is configured", { resource: "webhook endpoint" });
}

export function newWebhookSecret(): string {
  return `dswh_${randomBytes(24).toString("base64url")}`;
}

function assertAdmin(ctx: DomainContext) {
  if (ctx.actor.role !== "admin") throw new Forbidden("Only an admin can change the webhook endpoint");
}

function view(endpoint: { url: string; secret: string; enabled: boolean; createdAt: Date; updatedAt: Date }): WebhookEndpointView {
  return {
    url: endpoint.url,
    secret: endpoint.secret,
    enabled: endpoint.enabled,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}
