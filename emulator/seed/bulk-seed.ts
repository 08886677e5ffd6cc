// Bulk seeding for benchmarks and scale tests: many users and transactions in one client, built
// with the same domain functions as the API (so balances, indexes and events are real), without
// per-item HTTP or random word lists. Memory grows with the data kept, nothing else.
import type { Emulator } from "../core/emulator";
import { Random } from "../core/random";
import { createBankWirePayIn, settleBankWire } from "../domain/pay-ins";
import { createPayout, settlePayout } from "../domain/payouts";
import { createTransfer } from "../domain/transfers";
import { sortEvents } from "../events/event-bus";
import { newNaturalUser } from "../routes/users";
import type { ClientStore } from "../store/client-store";
import type { BankAccount, Wallet } from "../store/types";

export interface BulkSeedOptions {
  users: number;
  transactions: number;
  seed?: number;
  /** Unix seconds the history ends at (default: now); it spans the previous 365 days. */
  now?: number;
  onProgress?: (done: number) => void;
}

export interface BulkSeedResult {
  users: number;
  wallets: number;
  transactions: number;
  events: number;
}

const YEAR = 365 * 86_400;

export function bulkSeed(emu: Emulator, store: ClientStore, opts: BulkSeedOptions): BulkSeedResult {
  const rnd = new Random(opts.seed ?? 7);
  const now = opts.now ?? emu.clock.now();
  const start = now - YEAR;
  const wallets: Wallet[] = [];
  const accounts: BankAccount[] = [];
  const startTx = store.transactions.size;
  emu.seeding = true;
  emu.events.muted = true;
  try {
    for (let i = 0; i < opts.users; i++) {
      const at = start + Math.floor((i / Math.max(1, opts.users)) * 3600);
      const user = newNaturalUser(store.nextId(), at, {
        FirstName: `User${i}`,
        LastName: "Bulk",
        Email: `user${i}@bulk.example`,
        UserCategory: "OWNER",
        TermsAndConditionsAccepted: true,
        TermsAndConditionsAcceptedDate: at,
        Birthday: 0,
        Nationality: "FR",
        CountryOfResidence: "FR",
      });
      store.addUser(user);
      const wallet: Wallet = {
        Id: store.nextId(),
        Tag: null,
        CreationDate: at,
        Owners: [user.Id],
        Balance: { Currency: "EUR", Amount: 0 },
        Currency: "EUR",
        FundsType: "DEFAULT",
        Description: "Bulk wallet",
      };
      store.addWallet(wallet);
      wallets.push(wallet);
      const account: BankAccount = {
        Id: store.nextId(),
        Tag: null,
        CreationDate: at,
        UserId: user.Id,
        Type: "IBAN",
        OwnerName: `User${i} Bulk`,
        OwnerAddress: null,
        Active: true,
        IBAN: "FR7630004000031234567890143",
        BIC: "BNPAFRPP",
      };
      store.addBankAccount(account);
      accounts.push(account);
    }
    const eur = (amount: number) => ({ Currency: "EUR", Amount: amount });
    let made = 0;
    while (made < opts.transactions) {
      const at = start + 3600 + Math.floor((made / opts.transactions) * (YEAR - 7200));
      const i = rnd.int(0, wallets.length - 1);
      const wallet = wallets[i];
      const owner = wallet.Owners[0];
      const roll = rnd.next();
      if (roll < 0.4 || wallet.Balance.Amount < 500) {
        const amount = rnd.int(1000, 50_000);
        const payin = createBankWirePayIn(
          emu,
          store,
          {
            AuthorId: owner,
            CreditedWalletId: wallet.Id,
            DeclaredDebitedFunds: eur(amount),
            DeclaredFees: eur(amount >> 6),
          },
          at,
          rnd,
        );
        settleBankWire(emu, store, payin, at);
      } else if (roll < 0.85) {
        const target = wallets[(i + 1 + rnd.int(0, wallets.length - 2)) % wallets.length];
        const amount = rnd.int(1, wallet.Balance.Amount);
        createTransfer(
          emu,
          store,
          {
            AuthorId: owner,
            DebitedWalletId: wallet.Id,
            CreditedWalletId: target.Id,
            DebitedFunds: eur(amount),
            Fees: eur(amount >> 7),
          },
          at,
        );
      } else {
        const payout = createPayout(
          emu,
          store,
          {
            AuthorId: owner,
            DebitedWalletId: wallet.Id,
            DebitedFunds: eur(rnd.int(1, wallet.Balance.Amount)),
            Fees: eur(0),
            BankAccountId: accounts[i].Id,
          },
          at,
        );
        settlePayout(emu, store, payout.Id, at);
      }
      made = store.transactions.size - startTx;
      if (opts.onProgress && made % 100_000 === 0) opts.onProgress(made);
    }
    sortEvents(store);
  } finally {
    emu.seeding = false;
    emu.events.muted = false;
  }
  return {
    users: opts.users,
    wallets: wallets.length,
    transactions: store.transactions.size - startTx,
    events: store.events.length,
  };
}
