import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <Card className="p-6">
      <h1 className="mb-4 text-xl font-semibold">Sign out?</h1>
      <SignOutButton />
    </Card>
  );
}
