import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  return (
    <Card className="p-6">
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">Use your Hub account.</p>
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
    </Card>
  );
}
