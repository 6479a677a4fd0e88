import type { Metadata } from "next";
import { DncPage } from "@/components/dnc/dnc-page";

export const metadata: Metadata = { title: "Do not call" };

export default DncPage;
