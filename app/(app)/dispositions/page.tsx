import type { Metadata } from "next";
import { DispositionsPage } from "@/components/dispositions/dispositions-page";

export const metadata: Metadata = { title: "Dispositions" };

export default DispositionsPage;
