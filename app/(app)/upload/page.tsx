import type { Metadata } from "next";
import { CampaignPickerPage } from "@/components/upload/campaign-picker-page";

export const metadata: Metadata = { title: "Upload contacts" };

export default CampaignPickerPage;
