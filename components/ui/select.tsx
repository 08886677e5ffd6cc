import * as React from "react";
import { cn } from "@/lib/cn";

/** A styled native <select>: keyboard and screen-reader behaviour for free, works without JS. */
export function NativeSelect({ className, ...props }: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
