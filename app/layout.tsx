import type { Metadata } from "next";
import "./globals.css";
import "./screens.css";

export const metadata: Metadata = {
  title: { default: "Dialsheet", template: "%s · Dialsheet" },
  description: "Load customer and lead contacts into outbound calling campaigns.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
