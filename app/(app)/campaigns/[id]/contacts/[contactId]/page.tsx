import type { Metadata } from "next";
import { ContactDetailPage } from "@/components/contacts/contact-detail-page";

export const metadata: Metadata = { title: "Contact" };

export default async function Page({ params }: { params: Promise<{ id: string; contactId: string }> }) {
  const { id, contactId } = await params;
  return <ContactDetailPage campaignId={id} contactId={contactId} />;
}
