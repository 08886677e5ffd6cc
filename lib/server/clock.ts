import "server-only";
import { cache } from "react";

/** One "now" per request, so every section of a page agrees on what is past and what is ahead. */
export const requestNow = cache((): number => Date.now());
