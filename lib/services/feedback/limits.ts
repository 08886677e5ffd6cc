// Imports nothing, so that the feedback dialog (a client component) can use it without zod.
export const FEEDBACK_MAX_CHARS = 2000;
