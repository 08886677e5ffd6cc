// Seeded examples of what MANGOPAY does on its side (events the dashboard must be able to show):
// inflows/outflows blocked and unblocked, account validation asked/activated, KYC renewal
// required/renewed, cards turned INVALID, mandates EXPIRED, and an IBAN that instant payouts cannot
// reach (its instant payouts fall back to STANDARD). Deterministic: picks users by position.
import type { Emulator } from "../core/emulator";
import { expireMandate } from "../domain/mandates";
import { INSTANT_FALLBACK_IBAN } from "../domain/payouts";
import { setAccountValidation, setUserBlocking, signalKycRenewal } from "../domain/user-status";
import type { ClientStore } from "../store/client-store";

const DAY = 86_400;

export function seedLifecycle(emu: Emulator, store: ClientStore, now: number): Record<string, number> {
  const owners = [...store.users.values()].filter((u) => u.UserCategory === "OWNER" && u.UserStatus === "ACTIVE");
  const at = (daysAgo: number) => now - daysAgo * DAY;
  const pick = (i: number) => owners[(i * 7) % Math.max(1, owners.length)];
  if (owners.length >= 8) {
    setUserBlocking(emu, store, pick(0).Id, { Inflows: true, ActionCode: "AC001" }, at(20));
    setUserBlocking(emu, store, pick(0).Id, { Inflows: false, ActionCode: null }, at(12));
    setUserBlocking(emu, store, pick(1).Id, { Outflows: true, ActionCode: "AC002" }, at(6));
    setUserBlocking(emu, store, pick(2).Id, { Inflows: true, Outflows: true, ActionCode: "AC003" }, at(3));
    setAccountValidation(emu, store, pick(3).Id, "ASKED", at(9));
    setAccountValidation(emu, store, pick(4).Id, "ASKED", at(15));
    setAccountValidation(emu, store, pick(4).Id, "ACTIVATED", at(11));
    signalKycRenewal(emu, store, pick(5).Id, "REQUIRED", at(8));
    signalKycRenewal(emu, store, pick(6).Id, "REQUIRED", at(30));
    signalKycRenewal(emu, store, pick(6).Id, "RENEWED", at(25));
  }
  let invalidCards = 0;
  for (const card of store.cards.values()) {
    if (invalidCards >= 3) break;
    if (card.Active && card.Validity === "VALID" && Number(card.CreationDate) % 11 === 0) {
      card.Validity = "INVALID";
      invalidCards++;
    }
  }
  // Two ACTIVE mandates expire (MANGOPAY expires mandates left unused): unused ones first.
  const active = [...store.mandates.values()].filter((m) => m.Status === "ACTIVE");
  const unusedFirst = [
    ...active.filter((m) => store.idx.txByMandate.get(m.Id).length === 0),
    ...active.filter((m) => store.idx.txByMandate.get(m.Id).length > 0),
  ];
  let expired = 0;
  for (const mandate of unusedFirst.slice(0, 2)) {
    expireMandate(emu, store, mandate, at(2));
    expired++;
  }
  // The last IBAN account becomes the sandbox's instant-unreachable IBAN (payouts to it fall back).
  const ibans = [...store.bankAccounts.values()].filter((a) => a.Type === "IBAN" && a.Active);
  const fallback = ibans[ibans.length - 1];
  if (fallback) fallback.IBAN = INSTANT_FALLBACK_IBAN;
  return { invalidCards, expiredMandates: expired };
}
