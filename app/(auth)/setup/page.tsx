import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { hasAnyHub } from "@/lib/services/setup/has-hub";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up your dashboard", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** First run only: once any Hub exists this page does not exist (404). */
export default async function SetupPage() {
  if (await hasAnyHub()) notFound();
  return (
    <Card className="space-y-4 p-6">
      <div>
        <h1 className="text-lg font-semibold">Set up your dashboard</h1>
        <p className="text-sm text-slate-600">
          Create your Hub and its Owner account. Everyone else joins by invitation.
        </p>
      </div>
      <SetupForm />
    </Card>
  );
}
