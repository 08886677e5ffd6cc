// Direct-debit mandates (docs/mangopay-api.md §3.9): CREATED → (user confirms on the emulator page) SUBMITTED →
// ACTIVE, or FAILED for a Bacs owner named "Invalid" (§6). Cancel turns an active mandate FAILED.
import { ApiError } from "../core/errors";
import type { Emulator } from "../core/emulator";
import type { Random } from "../core/random";
import type { ClientStore } from "../store/client-store";
import type { Mandate } from "../store/types";
import { withParam } from "./card-payments";
import { getBankAccount } from "./lookups";
import { resultOf } from "./test-cards";

export interface MandateInput {
  BankAccountId: string;
  Culture: string;
  ReturnURL: string;
  Tag?: string | null;
}

export function createMandate(
  emu: Emulator,
  store: ClientStore,
  input: MandateInput,
  now: number,
  origin: string,
  rnd?: Random,
): Mandate {
  const account = getBankAccount(store, input.BankAccountId);
  if (account.Type !== "IBAN" && account.Type !== "GB") {
    throw new ApiError(400, "param_error", "Mandates need an IBAN (SEPA) or GB (Bacs) bank account", {
      BankAccountId: "Unsupported bank account type",
    });
  }
  if (!account.Active) throw new ApiError(400, "bankaccount_error", "The bank account is inactive");
  const id = store.nextId();
  const client = encodeURIComponent(store.info.ClientId);
  const reference = (rnd ? rnd.digits(12) : String(Math.floor(Math.random() * 1e12))).padStart(12, "0");
  const mandate: Mandate = {
    Id: id,
    Tag: input.Tag ?? null,
    CreationDate: now,
    UserId: account.UserId,
    BankAccountId: account.Id,
    Status: "CREATED",
    Scheme: account.Type === "GB" ? "BACS" : "SEPA",
    BankReference: `EMU${reference}`,
    Culture: input.Culture,
    DocumentURL: `${origin}/mandates/${client}/${id}/document`,
    ReturnURL: withParam(input.ReturnURL, "MandateId", id),
    RedirectURL: `${origin}/mandates/${client}/${id}/confirm`,
    ExecutionType: "WEB",
    MandateType: "DIRECT_DEBIT",
    ResultCode: null,
    ResultMessage: null,
  };
  store.addMandate(mandate);
  emu.events.emit(store, "MANDATE_CREATED", id, now);
  return mandate;
}

/** The payer confirmed on the RedirectURL page. */
export function submitMandate(emu: Emulator, store: ClientStore, mandate: Mandate, now: number): void {
  if (mandate.Status !== "CREATED") return;
  mandate.Status = "SUBMITTED";
  emu.events.emit(store, "MANDATE_SUBMITTED", mandate.Id, now);
  const delay = emu.options.delays.mandateMs;
  if (delay !== null && !emu.seeding)
    emu.scheduler.schedule(delay, () => void settleMandate(emu, store, mandate, emu.clock.now()));
}

export function settleMandate(
  emu: Emulator,
  store: ClientStore,
  mandate: Mandate,
  now: number,
  forceFail = false,
): Mandate | null {
  if (mandate.Status !== "SUBMITTED" && mandate.Status !== "CREATED") return null;
  const owner = store.users.get(mandate.UserId);
  const firstName = owner
    ? owner.PersonType === "NATURAL"
      ? owner.FirstName
      : owner.LegalRepresentativeFirstName
    : "";
  const invalid = forceFail || (mandate.Scheme === "BACS" && /^invalid$/i.test(firstName));
  if (invalid) {
    Object.assign(mandate, { Status: "FAILED" }, resultOf("GENERIC"));
    emu.events.emit(store, "MANDATE_FAILED", mandate.Id, now);
  } else {
    Object.assign(mandate, { Status: "ACTIVE" }, resultOf("SUCCESS"));
    emu.events.emit(store, "MANDATE_ACTIVATED", mandate.Id, now);
  }
  return mandate;
}

/** MANGOPAY expires a mandate left unused (or never confirmed): EXPIRED, MANDATE_EXPIRED. */
export function expireMandate(emu: Emulator, store: ClientStore, mandate: Mandate, now: number): Mandate {
  if (mandate.Status === "FAILED" || mandate.Status === "EXPIRED") {
    throw new ApiError(400, "invalid_action", `A ${mandate.Status} mandate cannot expire`);
  }
  Object.assign(mandate, { Status: "EXPIRED" });
  emu.events.emit(store, "MANDATE_EXPIRED", mandate.Id, now);
  return mandate;
}

export function cancelMandate(emu: Emulator, store: ClientStore, mandate: Mandate, now: number): Mandate {
  if (mandate.Status !== "SUBMITTED" && mandate.Status !== "ACTIVE") {
    throw new ApiError(400, "mandate_cannot_be_cancelled", `A ${mandate.Status} mandate cannot be cancelled`);
  }
  Object.assign(mandate, { Status: "FAILED", ResultCode: "001834", ResultMessage: "The mandate has been cancelled" });
  emu.events.emit(store, "MANDATE_FAILED", mandate.Id, now);
  return mandate;
}
