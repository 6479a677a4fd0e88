import type { Metadata } from "next";
import { ContactsPage } from "@/components/contacts/contacts-page";
import { parseContactFilters } from "@/lib/customers/contact-filters";

export const metadata: Metadata = { title: "Contacts" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ params, searchParams }: Props) {
  return <ContactsPage campaignId={(await params).id} filters={parseContactFilters(await searchParams)} />;
}
