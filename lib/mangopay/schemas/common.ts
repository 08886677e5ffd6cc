// Building blocks shared by every MANGOPAY schema. Objects are loose (unknown fields pass
// through), enums are open (a value MANGOPAY adds tomorrow must not break a page), timestamps
// become Date at the edge and money stays in integer minor units.
import { z } from "zod";
import { ParseError, type ParseIssue } from "../errors";

/** Unix seconds (sometimes a float in error objects) → Date. */
export const UnixDate = z.number().transform((seconds) => new Date(seconds * 1000));
export const NullableUnixDate = z
  .number()
  .nullish()
  .transform((seconds) => (seconds === null || seconds === undefined ? null : new Date(seconds * 1000)));

export const Money = z.looseObject({
  Currency: z.string(),
  Amount: z.number().int(),
});
export type Money = z.output<typeof Money>;

export const Address = z.looseObject({
  AddressLine1: z.string().nullish(),
  AddressLine2: z.string().nullish(),
  City: z.string().nullish(),
  Region: z.string().nullish(),
  PostalCode: z.string().nullish(),
  Country: z.string().nullish(),
});
export type Address = z.output<typeof Address>;

/** Known values for autocompletion and exhaustive UI maps, any string accepted. */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  // The cast only narrows the static type for editors; at run time any string is accepted.
  return z.string().describe(`known: ${values.join(" | ")}`) as unknown as z.ZodType<T[number] | (string & {}), string>;
}

export const Tag = z.string().nullish();
export const OptionalString = z.string().nullish();

export const TransactionStatus = openEnum(["CREATED", "SUCCEEDED", "FAILED"]);
export const TransactionType = openEnum(["PAYIN", "TRANSFER", "CONVERSION", "PAYOUT", "CARD_VALIDATION"]);
export const TransactionNature = openEnum(["REGULAR", "REPUDIATION", "REFUND", "SETTLEMENT"]);

/** Fields every MANGOPAY entity has. */
export const EntityBase = {
  Id: z.string(),
  Tag,
  CreationDate: UnixDate,
};

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === "number") return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, "");
}

/** Parses or throws a ParseError naming the first failing path, e.g. `[3].DebitedFunds.Amount`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, schemaName: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues: ParseIssue[] = result.error.issues.map((issue) => ({
    path: pathOf(issue.path),
    message: issue.message,
  }));
  throw new ParseError(schemaName, issues, { cause: result.error });
}
