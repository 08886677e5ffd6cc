/** @jest-environment node */
// How an operation reads MANGOPAY's answer (the same from the POST and from GET /responses/{key}) and
// how it is exported: a FAILED object is a failure with its message, never a success; CSV cells that a
// spreadsheet would run as formulas are neutralised.
import { toOperationCsvRecord } from "@/lib/services/operations/csv";
import { toOperationDTO, type OperationRow } from "@/lib/services/operations/dto";
import { readOutcome, statusOf } from "@/lib/services/operations/outcome";

describe("readOutcome", () => {
  it("reads a failed transfer as FAILED with MANGOPAY's result code and message", () => {
    const o = readOutcome({
      Id: "123",
      Status: "FAILED",
      ResultCode: "001001",
      ResultMessage: "Unsufficient wallet balance",
    });
    expect(o).toMatchObject({ upstreamId: "123", upstreamStatus: "FAILED", resultCode: "001001" });
    expect(o && statusOf(o)).toBe("FAILED");
  });

  it("keeps a bank wire's reference and bank details, and a 3DS redirect only when needed", () => {
    const wire = readOutcome({
      Id: 7,
      Status: "CREATED",
      WireReference: "4a9b2c",
      BankAccount: { Type: "IBAN", OwnerName: "MANGOPAY", IBAN: "FR76", BIC: "BIC" },
    });
    expect(wire && statusOf(wire)).toBe("SUCCEEDED");
    expect(wire?.resultData).toEqual({
      wireReference: "4a9b2c",
      bankAccount: { type: "IBAN", ownerName: "MANGOPAY", iban: "FR76", bic: "BIC" },
    });
    expect(readOutcome({ Id: "1", SecureModeNeeded: false, SecureModeRedirectURL: "https://x" })?.resultData).toEqual(
      {},
    );
    expect(readOutcome({ Id: "1", SecureModeNeeded: true, SecureModeRedirectURL: "https://x" })?.resultData).toEqual({
      redirectUrl: "https://x",
    });
  });

  it("refuses an answer without an Id (the operation then stays to be reconciled)", () => {
    expect(readOutcome({ Type: "param_error" })).toBeNull();
    expect(readOutcome(null)).toBeNull();
  });
});

const row = (over: Partial<OperationRow> = {}): OperationRow => ({
  id: "op1",
  hubId: "h",
  apiAccountId: "a",
  action: "payout.create",
  kind: "PAYOUT",
  status: "FAILED",
  amountMinor: 1050n,
  feesMinor: 0n,
  currency: "EUR",
  sourceId: "w1",
  destinationId: "b1",
  reason: null,
  upstreamId: "p1",
  upstreamStatus: "FAILED",
  resultCode: "001001",
  resultMessage: '=HYPERLINK("http://evil")',
  resultData: null,
  errorCode: null,
  actorUserId: "u1",
  idempotencyKey: "secret-key",
  request: { body: {} },
  sentAt: new Date("2026-11-30T00:00:00Z"),
  createdAt: new Date("2026-11-30T00:00:00Z"),
  completedAt: null,
  ...over,
});

describe("operation DTO and CSV", () => {
  it("never exposes the idempotency key or the request, and turns minor units into numbers", () => {
    const dto = toOperationDTO(row(), "op@x.test");
    expect(JSON.stringify(dto)).not.toContain("secret-key");
    expect(dto).toMatchObject({ amountMinor: 1050, feesMinor: 0, status: "FAILED", actorEmail: "op@x.test" });
  });

  it("neutralises formulas in CSV cells", () => {
    const record = toOperationCsvRecord(toOperationDTO(row(), "=cmd@x.test"));
    expect(record[1]).toBe("'=cmd@x.test");
    expect(record[13]).toBe('\'=HYPERLINK("http://evil")');
    expect(record[5]).toBe("1050");
  });
});
