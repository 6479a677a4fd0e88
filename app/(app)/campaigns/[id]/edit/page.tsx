import type { Metadata } from "next";
import { EditCampaignPage } from "@/components/campaigns/campaign-editor-page";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <EditCampaignPage id={(await params).id} />;
}
