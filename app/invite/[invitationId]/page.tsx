import type { Metadata } from "next";
import { InvitePage } from "@/components/team/invite-page";

export const metadata: Metadata = { title: "Join your team" };
export const dynamic = "force-dynamic";

export default InvitePage;
