// POST /api/remove-dnc/ - Flexydial: take numbers off the DNC list
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { parseDncRemove } from "@/lib/dnc/dnc-request";
import { removeDnc } from "@/lib/dnc/dnc-entries";
import { dncMessages } from "@/lib/flexydial/messages";

export const POST = withApi(
  { dialect: "flexydial-dnc", auth: "credential", body: z.unknown(), idempotent: true },
  async ({ auth, rawBody }) => {
    await removeDnc(auth.organizationId, parseDncRemove(rawBody));
    return { status: 200, body: { detail: dncMessages.removed } };
  },
);
