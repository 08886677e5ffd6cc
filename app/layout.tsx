import type { Metadata } from "next";
import localFont from "next/font/local";
import "./globals.css";

// Committed font files: next/font/google cannot reach its CDN offline.
const sans = localFont({ src: "./fonts/Geist-Variable.woff2", variable: "--font-geist-sans", display: "swap" });
const mono = localFont({ src: "./fonts/GeistMono-Variable.woff2", variable: "--font-geist-mono", display: "swap" });

// Every page is rendered per request: the CSP nonce (proxy.ts) must reach Next.js's scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "MANGOPAY Dashboard", template: "%s · MANGOPAY Dashboard" },
  description: "Self-hosted back office for MANGOPAY platforms",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${sans.variable} ${mono.variable}`}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
