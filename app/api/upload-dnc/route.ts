// POST /api/upload-dnc/ - Flexydial: add numbers to the DNC list, globally or per campaign
import { z } from "zod";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { flexydialDncDialect } from "@/lib/flexydial/dialect";
import { uploadDncAnswer } from "@/lib/flexydial/dnc";

export const POST = withApi(
  { dialect: flexydialDncDialect, auth: "credential", body: z.unknown(), idempotent: true },
  async ({ auth, rawBody }) => uploadDncAnswer(domainContext(auth, "flexydial_api"), rawBody),
);
