// POST /api/generate-token/ - Flexydial: exchange an operator's username/password for a Token key
import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { contractError } from "@/lib/api/errors";
import { issueOperatorToken } from "@/lib/auth/operator-token";
import { flexydialDialect } from "@/lib/flexydial/dialect";
import { clientIp } from "@/lib/security/client-ip";
import { beginSignInAttempt, recordSignInFailure } from "@/lib/security/rate-limits";
import { tooManyRequests } from "@/lib/security/too-many-requests";

const bodySchema = z.object({ username: z.string().min(1), password: z.string().min(1) });

export const POST = withApi(
  {
    dialect: flexydialDialect,
    auth: "none",
    body: bodySchema,
    maxBytes: 16 * 1024,
    // Django REST Framework's obtain_auth_token wording for missing fields.
    formatIssues: (issues) => issues.map((i) => `${String(i.path[0] ?? "body")}: This field is required.`),
  },
  async ({ body, request }) => {
    // The same limits as the sign-in page: per client IP and per account (lib/security/rate-limits.ts).
    const throttled = await beginSignInAttempt(clientIp(request.headers), body.username);
    if (throttled) throw tooManyRequests(flexydialDialect, throttled.retryAfterSeconds);
    const token = await issueOperatorToken(body.username, body.password);
    if (!token) {
      await recordSignInFailure(body.username);
      throw contractError(400, { non_field_errors: ["Unable to log in with provided credentials."] });
    }
    return { status: 200, body: { token } };
  },
);
