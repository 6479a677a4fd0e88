import type { Metadata } from "next";
import { NewCampaignPage } from "@/components/campaigns/campaign-editor-page";

export const metadata: Metadata = { title: "New campaign" };

export default NewCampaignPage;
