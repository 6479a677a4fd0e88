import type { Metadata } from "next";
import { UploadPage } from "@/components/upload/upload-page";

export const metadata: Metadata = { title: "Upload contacts" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <UploadPage campaignId={(await params).id} />;
}
