import { z } from "zod";

/** `GET /responses/{key}`: the stored answer of a POST (StatusCode and ContentLength are strings). */
export const IdempotencyResponse = z.looseObject({
  StatusCode: z.union([z.string(), z.number()]).transform((code) => Number(code)),
  ContentLength: z.union([z.string(), z.number()]).nullish(),
  ContentType: z.string().nullish(),
  Date: z.union([z.string(), z.number()]).nullish(),
  RequestURL: z.string().nullish(),
  Resource: z.unknown(),
});
export type IdempotencyResponse = z.output<typeof IdempotencyResponse>;
