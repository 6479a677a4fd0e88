// POST /api/upload-dnc/ - Flexydial: add numbers to the DNC list, globally or per campaign
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { parseDncUpload } from "@/lib/dnc/dnc-request";
import { uploadDnc } from "@/lib/dnc/dnc-entries";
import { dncMessages } from "@/lib/flexydial/messages";

export const POST = withApi(
  { dialect: "flexydial-dnc", auth: "credential", body: z.unknown(), idempotent: true },
  async ({ auth, rawBody }) => {
    await uploadDnc(auth.organizationId, parseDncUpload(rawBody));
    return { status: 200, body: { detail: dncMessages.processed } };
  },
);
