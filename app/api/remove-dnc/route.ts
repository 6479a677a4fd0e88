// POST /api/remove-dnc/ - Flexydial: take numbers off the DNC list
import { z } from "zod";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { flexydialDncDialect } from "@/lib/flexydial/dialect";
import { removeDncAnswer } from "@/lib/flexydial/dnc";

export const POST = withApi(
  { dialect: flexydialDncDialect, auth: "credential", body: z.unknown(), idempotent: true },
  async ({ auth, rawBody }) => removeDncAnswer(domainContext(auth, "flexydial_api"), rawBody),
);
