"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * `next/link` that prefetches on intent (pointer over it, or keyboard focus) instead of when it
 * scrolls into view — Next.js's documented hover-triggered prefetch. A dashboard page holds dozens of
 * links (a table row each, pagination, the nav): viewport prefetching loaded the code of every page
 * they lead to, and asked the server for each one's loading shell, on every page view. Hovering still
 * warms the route before the click, so the next page's skeleton shows at once. An explicit
 * `prefetch={false}` or `true` is passed through unchanged.
 */
export default function Link({ prefetch, onPointerEnter, onFocus, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  if (prefetch === true || prefetch === false)
    return <NextLink prefetch={prefetch} onPointerEnter={onPointerEnter} onFocus={onFocus} {...props} />;
  return (
    <NextLink
      {...props}
      prefetch={intent ? null : false}
      onPointerEnter={(event) => {
        setIntent(true);
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
