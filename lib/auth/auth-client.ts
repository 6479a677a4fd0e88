"use client";
import { createAuthClient } from "better-auth/react";

// Same-origin client for the sign-in form and the sign-out button.
export const authClient = createAuthClient();
