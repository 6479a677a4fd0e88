// /api/auth/* - better-auth's sign-in, sign-out and session endpoints
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";

export const POST = (request: Request) => toNextJsHandler(getAuth()).POST(request);
export const GET = (request: Request) => toNextJsHandler(getAuth()).GET(request);
