"use client";

// Same screen as the parent boundary (which catches errors of this segment's own layout).
export { default } from "../error";
