"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setAllowCustomBaseUrlsAction } from "../actions";

/** Owner-only: whether API accounts of this Hub may use a base URL other than MANGOPAY's own. */
export function CustomBaseUrlsForm({ allowCustomBaseUrls }: { allowCustomBaseUrls: boolean }) {
  const [state, action, pending] = useActionState(setAllowCustomBaseUrlsAction, null);
  return (
    <form action={action} className="space-y-4">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          name="allowCustomBaseUrls"
          defaultChecked={allowCustomBaseUrls}
          className="mt-0.5 size-4"
        />
        <span>
          <span className="font-medium">Allow custom MANGOPAY base URLs</span>
          <span className="block text-slate-600">
            API keys are then sent to an address a member types in (a proxy or an emulator) instead of MANGOPAY&apos;s
            sandbox or production. Private and internal network addresses stay refused on production servers.
          </span>
        </span>
      </label>
      {state ? (
        <p
          role="status"
          className={
            state.ok
              ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
              : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-700"
          }
        >
          {state.ok
            ? state.data.allowCustomBaseUrls
              ? "Saved: custom base URLs are allowed."
              : "Saved: only MANGOPAY's own base URLs are allowed."
            : state.error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Updating…" : "Update connection policy"}
      </Button>
    </form>
  );
}
