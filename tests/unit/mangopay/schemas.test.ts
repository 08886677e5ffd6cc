/** @jest-environment node */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ParseError } from "@/lib/mangopay/errors";
import * as schemas from "@/lib/mangopay/schemas";
import { parseOrThrow } from "@/lib/mangopay/schemas/common";

const FIXTURES = path.join(process.cwd(), "tests/fixtures/mangopay");

interface Fixture {
  schema: string;
  list: boolean;
  request: string;
  body: unknown;
}

function loadFixtures(): [string, Fixture][] {
  let files: string[] = [];
  try {
    files = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files.sort().map((file) => [file, JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as Fixture]);
}

function schemaByName(name: string): z.ZodType {
  const candidate = (schemas as Record<string, unknown>)[name];
  if (!(candidate instanceof z.ZodType)) throw new Error(`no schema named ${name}`);
  return candidate;
}

const transfer = {
  Id: "xfer_1",
  Tag: null,
  CreationDate: 1_700_000_000,
  AuthorId: "u1",
  CreditedUserId: "u2",
  DebitedFunds: { Currency: "EUR", Amount: 1260 },
  CreditedFunds: { Currency: "EUR", Amount: 1200 },
  Fees: { Currency: "EUR", Amount: 60 },
  DebitedWalletId: "w1",
  CreditedWalletId: "w2",
  Status: "FAILED",
  ResultCode: "001001",
  ResultMessage: "Unsufficient wallet balance",
  ExecutionDate: null,
  Type: "TRANSFER",
  Nature: "REGULAR",
  SomethingNew: { nested: true },
};

describe("schemas on recorded emulator payloads", () => {
  const fixtures = loadFixtures();

  it("has recorded payloads to check", () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it("covers every object the dashboard shows", () => {
    const covered = new Set(fixtures.map(([, fixture]) => fixture.schema));
    const shown = [
      "NaturalUser",
      "LegalUser",
      "UserListItem",
      "Wallet",
      "ClientWallet",
      "Transaction",
      "PayIn",
      "PayOut",
      "Transfer",
      "Refund",
      "Repudiation",
      "Settlement",
      "Card",
      "CardRegistration",
      "PreAuthorization",
      "BankAccount",
      "Mandate",
      "KycDocument",
      "UboDeclaration",
      "Dispute",
      "DisputeDocument",
      "Event",
      "Hook",
      "Report",
      "Client",
      "Sso",
      "PermissionGroup",
      "IdempotencyResponse",
      "MandateListItem",
      "ReportListItem",
      "UserRegulatory",
    ];
    expect(shown.filter((name) => !covered.has(name))).toEqual([]);
  });

  it.each(fixtures)("parses %s", (_file, fixture) => {
    const schema = schemaByName(fixture.schema);
    const parsed: unknown = parseOrThrow(fixture.list ? z.array(schema) : schema, fixture.body, fixture.schema);
    // What the dashboard reads survives parsing: same items, same ids, unix dates as the same instant.
    const sources = (fixture.list ? fixture.body : [fixture.body]) as Record<string, unknown>[];
    const items = (fixture.list ? parsed : [parsed]) as Record<string, unknown>[];
    expect(items).toHaveLength(sources.length);
    sources.forEach((source, i) => {
      const item = items[i] ?? {};
      if (typeof source.Id === "string") expect(item.Id).toBe(source.Id);
      for (const [key, value] of Object.entries(source)) {
        if (/Date$/.test(key) && typeof value === "number") expect(item[key]).toEqual(new Date(value * 1000));
      }
    });
  });
});

describe("schema guarantees", () => {
  it("converts unix timestamps to Date and keeps money in integer minor units", () => {
    const parsed = parseOrThrow(schemas.Transfer, transfer, "transfer");
    expect(parsed.CreationDate).toEqual(new Date(1_700_000_000_000));
    expect(parsed.ExecutionDate).toBeNull();
    expect(parsed.DebitedFunds).toEqual({ Currency: "EUR", Amount: 1260 });
  });

  it("treats a FAILED payment as a result carrying ResultCode and ResultMessage", () => {
    const parsed = parseOrThrow(schemas.Transfer, transfer, "transfer");
    expect(schemas.isFailed(parsed)).toBe(true);
    expect(parsed).toMatchObject({ ResultCode: "001001", ResultMessage: "Unsufficient wallet balance" });
  });

  it("lets unknown extra fields pass through", () => {
    const parsed = parseOrThrow(schemas.Transfer, transfer, "transfer");
    expect((parsed as Record<string, unknown>).SomethingNew).toEqual({ nested: true });
  });

  it("accepts enum values MANGOPAY adds later", () => {
    expect(parseOrThrow(schemas.Transfer, { ...transfer, Status: "ON_HOLD" }, "transfer").Status).toBe("ON_HOLD");
  });

  it("throws ParseError naming the path of a missing required field", () => {
    const { DebitedFunds: _omit, ...missing } = transfer;
    void _omit;
    const error = (() => {
      try {
        parseOrThrow(z.array(schemas.Transfer), [transfer, missing], "transfer list");
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).path).toBe("[1].DebitedFunds");
    expect((error as ParseError).message).toContain("[1].DebitedFunds");
  });

  it("rejects fractional money amounts (minor units are integers)", () => {
    expect(() => parseOrThrow(schemas.Money, { Currency: "EUR", Amount: 12.5 }, "money")).toThrow(ParseError);
  });

  it("tells natural and legal users apart by PersonType", () => {
    const natural = parseOrThrow(
      schemas.User,
      {
        Id: "1",
        CreationDate: 1,
        PersonType: "NATURAL",
        FirstName: "A",
        LastName: "B",
        Email: "a@b.c",
        Birthday: null,
      },
      "user",
    );
    expect(natural.PersonType === "NATURAL" && natural.FirstName).toBe("A");
    expect(() => parseOrThrow(schemas.User, { Id: "2", CreationDate: 1, PersonType: "LEGAL" }, "user")).toThrow(
      ParseError,
    );
  });

  it("reads the idempotency store's string StatusCode as a number", () => {
    const parsed = parseOrThrow(
      schemas.IdempotencyResponse,
      { StatusCode: "200", ContentLength: "591", Date: "Tue, 19 Jul 2022 08:47:59 GMT", Resource: { Id: "x" } },
      "idempotency response",
    );
    expect(parsed.StatusCode).toBe(200);
  });
});
