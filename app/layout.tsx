import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Doctipro", template: "%s · Doctipro" },
  description: "Le portail des cabinets médicaux au Luxembourg.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6e99" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, so each one gets this request's CSP nonce.
  await headers();
  return (
    <html lang="fr-LU">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
