"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-message";

const subscribe = () => () => undefined;

/** The one-time invite link when no email went out. It is not stored: copy it now. */
export function InviteLink({ email, path, emailError }: { email: string; path: string; emailError: string | null }) {
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  const [copied, setCopied] = useState(false);
  const url = `${origin}${path}`;
  return (
    <FormAlert tone="info" className="space-y-2">
      <p>
        {emailError ? `${emailError} ` : "No email server is configured. "}Send this link to <strong>{email}</strong>{" "}
        yourself. It is shown only once, works once and expires in 7 days.
      </p>
      <div className="flex items-center gap-2">
        <input
          readOnly
          value={url}
          aria-label="Invitation link"
          data-testid="invite-link"
          className="h-9 flex-1 rounded border border-blue-200 bg-white px-2 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </FormAlert>
  );
}
