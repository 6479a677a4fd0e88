// /api/auth/* - better-auth's sign-in, sign-out and session endpoints (rate-limited, no tokens in bodies)
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { guardAuthRequest } from "@/lib/auth/auth-route-guard";

export const POST = (request: Request) => guardAuthRequest(request, (r) => toNextJsHandler(getAuth()).POST(r));
export const GET = (request: Request) => guardAuthRequest(request, (r) => toNextJsHandler(getAuth()).GET(r));
