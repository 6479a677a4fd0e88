// POST /api/bulkphonebookupload/v1/ - Flexydial bulk contact insert, or update and reassignment; a worker does the rows
import { z } from "zod";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { flexydialDialect } from "@/lib/flexydial/dialect";
import { acceptUpload } from "@/lib/flexydial/upload";

export const POST = withApi(
  { dialect: flexydialDialect, auth: "credential", body: z.unknown(), idempotent: true },
  async ({ auth, rawBody }) => acceptUpload(domainContext(auth, "flexydial_api"), rawBody),
);
