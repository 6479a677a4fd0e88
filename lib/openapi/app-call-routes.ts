import { z } from "zod";
import { callSettingsPatchSchema } from "@/lib/calls/call-settings";
import { callSettingsResponseSchema } from "@/lib/calls/call-settings-view";
import { providerResultSchema } from "@/lib/calls/provider-results";
import { testCallReportSchema, testCallSchema } from "@/lib/calls/test-call";
import { deliveryListSchema, resendAnswerSchema } from "@/lib/webhooks/deliveries";
import { saveWebhookSchema, webhookEndpointViewSchema } from "@/lib/webhooks/webhook-endpoint";
import { organizationDefaultsSchema } from "@/lib/organizations/organization-defaults-input";
import { appErrorSchema } from "./app-routes";
import type { ResponseDoc, RouteDoc } from "./route-doc";

// The app's own calling routes: campaign resume, call and webhook settings (the Settings page),
// and the HTTP dialer's provider reporting results. Errors in the app's shape.

const error = (description: string): ResponseDoc => ({ description, schema: appErrorSchema });
const common: Record<number, ResponseDoc> = {
  401: error("Not signed in and no API key."),
  429: error("Too many requests for this API key (Retry-After says when to retry)."),
  500: error("Anything unexpected."),
};
const write: Record<number, ResponseDoc> = { 403: error("The role may not change this (viewers; settings: admins only).") };
const bodyErrors: Record<number, ResponseDoc> = { 400: error("Invalid body."), 413: error("Body too large."), 415: error("Not JSON.") };
const settings = z.object({ settings: callSettingsResponseSchema });
const endpoint = z.object({
  endpoint: webhookEndpointViewSchema.nullable().meta({ description: "null when none is configured; its secret null for non-admins." }),
});
const orgDefaults = z.object({ defaults: z.object({ phoneCountry: z.string(), timezone: z.string() }) });
const endpointNull = z.object({ endpoint: z.null() });
const ok = (description: string, schema: z.ZodType): ResponseDoc => ({ description, schema });

export const appCallRoutes: RouteDoc[] = [
  {
    method: "post",
    path: "/api/campaigns/{id}/resume",
    family: "App",
    summary: "Resume a paused (or start a draft) campaign's calls; waiting calls are dialled, each checked again",
    params: z.object({ id: z.string().meta({ description: "The campaign id." }) }),
    responses: {
      200: ok(
        "The campaign, active.",
        z.object({ campaign: z.object({ id: z.string(), status: z.literal("active"), pausedAt: z.null() }) }),
      ),
      400: error("A completed campaign cannot be resumed."),
      ...write,
      404: error("No such campaign."),
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/settings/calls",
    family: "App",
    summary: "The organization's dialer and call defaults",
    responses: { 200: ok("The settings (the provider secret only for admins).", settings), ...common },
  },
  {
    method: "put",
    path: "/api/settings/calls",
    family: "App",
    summary: "Change the dialer and call defaults (admins)",
    body: callSettingsPatchSchema,
    responses: { 200: ok("The settings now.", settings), ...bodyErrors, ...write, ...common },
  },
  {
    method: "post",
    path: "/api/settings/calls/test-call",
    family: "App",
    summary: "Place one test call through the configured dialer",
    description: "No attempt is written: the call is no customer's, not counted against the cap, and its result is not recorded.",
    body: testCallSchema,
    responses: { 200: ok("The dialer's answer.", z.object({ testCall: testCallReportSchema })), ...bodyErrors, ...write, ...common },
  },
  {
    method: "get",
    path: "/api/settings/organization",
    family: "App",
    summary: "The organization defaults: phone country and time zone",
    description:
      "Used where a request names none: a new campaign's `timezone` and `phoneCountry`, and the country of a global DNC number written without a country code.",
    responses: { 200: ok("The defaults.", orgDefaults), ...common },
  },
  {
    method: "put",
    path: "/api/settings/organization",
    family: "App",
    summary: "Change the organization defaults (admins)",
    description:
      "`phoneCountry` must be a country libphonenumber knows (ISO 3166 alpha-2), `timezone` an IANA zone the server knows; a 400 names each field (`phoneCountry: …`).",
    body: organizationDefaultsSchema,
    responses: { 200: ok("The defaults now.", orgDefaults), ...bodyErrors, ...write, ...common },
  },
  {
    method: "get",
    path: "/api/settings/webhook",
    family: "App",
    summary: "The call-result webhook endpoint",
    responses: { 200: ok("The endpoint, or null.", endpoint), ...common },
  },
  {
    method: "put",
    path: "/api/settings/webhook",
    family: "App",
    summary: "Create or change the call-result webhook endpoint (admins)",
    body: saveWebhookSchema,
    responses: { 200: ok("The endpoint.", endpoint), ...bodyErrors, ...write, ...common },
  },
  {
    method: "delete",
    path: "/api/settings/webhook",
    family: "App",
    summary: "Remove the call-result webhook endpoint (admins)",
    responses: { 200: ok("Removed.", endpointNull), ...write, 404: error("No webhook endpoint is configured."), ...common },
  },
  {
    method: "get",
    path: "/api/settings/webhook/deliveries",
    family: "App",
    summary: "The webhook delivery log, newest first (20 a page)",
    query: z.object({
      page: z.string().optional().meta({ description: "1-based page." }),
      call_id: z.string().optional().meta({ description: "Only this call's deliveries." }),
    }),
    responses: {
      200: ok("One page of deliveries, each with its last 10 attempts.", deliveryListSchema),
      400: error("Invalid query."),
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/settings/webhook/deliveries/{id}/resend",
    family: "App",
    summary: "Send one call result to the webhook endpoint again, now",
    params: z.object({ id: z.string().meta({ description: "The delivery id (whd_…)." }) }),
    responses: {
      200: ok("What the attempt came to, and the delivery now.", resendAnswerSchema),
      ...write,
      404: error("No such delivery, or no endpoint configured."),
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/v1/dialer/results/{organizationId}",
    family: "App",
    summary: "The HTTP dialer's provider reports a call result",
    description:
      "Signed as a Standard Webhook (webhook-id, webhook-timestamp, webhook-signature) with the organization's provider secret, verified over the exact bytes before parsing. Idempotent on provider_call_id.",
    auth: "none",
    params: z.object({ organizationId: z.string().meta({ description: "The organization whose dialer placed the call." }) }),
    body: providerResultSchema,
    responses: {
      200: ok(
        "Recorded (or already recorded).",
        z.object({ received: z.literal(true), call_id: z.string(), result: z.enum(["updated", "unchanged"]) }),
      ),
      400: error("Not JSON, or not a valid result."),
      401: error("Invalid or missing webhook signature."),
      404: error("No call with this provider_call_id."),
      413: error("Body larger than 256 KB."),
      500: error("Anything unexpected."),
    },
  },
];
