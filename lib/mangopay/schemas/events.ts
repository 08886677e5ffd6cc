import { z } from "zod";
import { EntityBase, UnixDate, openEnum } from "./common";

/** Event types are many (docs/mangopay-api.md §3.16) and growing: kept as open strings. */
export const Event = z.looseObject({
  ResourceId: z.string(),
  EventType: z.string(),
  Date: UnixDate,
});
export type Event = z.output<typeof Event>;

export const HookStatus = openEnum(["ENABLED", "DISABLED"]);
export const HookValidity = openEnum(["VALID", "INVALID"]);

export const Hook = z.looseObject({
  ...EntityBase,
  EventType: z.string(),
  Url: z.string(),
  Status: HookStatus,
  Validity: HookValidity,
});
export type Hook = z.output<typeof Hook>;
