// Builds a small, realistic set of MANGOPAY objects through the dashboard's own client: an OWNER
// and a PAYER, wallets, a tokenized card, a card pay-in, a transfer, a bank account and a payout.
import type { MangopayClient } from "@/lib/mangopay/client";
import * as bankAccounts from "@/lib/mangopay/bank-accounts";
import * as cardRegistrations from "@/lib/mangopay/card-registrations";
import * as cards from "@/lib/mangopay/cards";
import * as payins from "@/lib/mangopay/payins";
import type { BrowserInfo } from "@/lib/mangopay/payins";
import * as users from "@/lib/mangopay/users";
import * as wallets from "@/lib/mangopay/wallets";
import type { Card } from "@/lib/mangopay/schemas/cards";
import { newKey } from "./helpers";

export const BROWSER: BrowserInfo = {
  AcceptHeader: "text/html",
  JavaEnabled: false,
  Language: "en-GB",
  ColorDepth: 24,
  ScreenHeight: 1080,
  ScreenWidth: 1920,
  TimeZoneOffset: 0,
  UserAgent: "jest",
  JavascriptEnabled: true,
};

export const ADDRESS = { AddressLine1: "1 rue de la Paix", City: "Paris", PostalCode: "75002", Country: "FR" };

export const eur = (Amount: number) => ({ Currency: "EUR", Amount });

/** Registers a card the way a browser would: create, tokenize at CardRegistrationURL, update. */
export async function registerCard(
  client: MangopayClient,
  userId: string,
  cardNumber = "4970107111111119",
): Promise<Card> {
  const registration = await cardRegistrations.create(client, {
    UserId: userId,
    Currency: "EUR",
    CardType: "CB_VISA_MASTERCARD",
  });
  if (!registration.CardRegistrationURL || !registration.AccessKey || !registration.PreregistrationData) {
    throw new Error("card registration lacks tokenization data");
  }
  const tokenized = await fetch(registration.CardRegistrationURL, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      accessKeyRef: registration.AccessKey,
      data: registration.PreregistrationData,
      cardNumber,
      cardExpirationDate: "1230",
      cardCvx: "123",
    }).toString(),
    signal: AbortSignal.timeout(5000),
  });
  const registered = await cardRegistrations.update(client, registration.Id, {
    RegistrationData: await tokenized.text(),
  });
  if (!registered.CardId) throw new Error(`card registration ${registered.Status}: ${registered.ResultCode ?? ""}`);
  return cards.get(client, registered.CardId);
}

export async function createOwner(client: MangopayClient, name = "Owner") {
  return users.createNatural(client, {
    FirstName: name,
    LastName: "Seller",
    Email: `${name.toLowerCase()}@example.test`,
    Birthday: 315_532_800,
    Nationality: "FR",
    CountryOfResidence: "FR",
    Address: ADDRESS,
    TermsAndConditionsAccepted: true,
    UserCategory: "OWNER",
  });
}

export async function createPayer(client: MangopayClient, name = "Payer") {
  return users.createNatural(client, {
    FirstName: name,
    LastName: "Buyer",
    Email: `${name.toLowerCase()}@example.test`,
    UserCategory: "PAYER",
    TermsAndConditionsAccepted: true,
  });
}

export async function buildWorld(client: MangopayClient) {
  const owner = await createOwner(client);
  const payer = await createPayer(client);
  const ownerWallet = await wallets.create(client, { Owners: [owner.Id], Currency: "EUR", Description: "Owner EUR" });
  const payerWallet = await wallets.create(client, { Owners: [payer.Id], Currency: "EUR", Description: "Payer EUR" });
  const card = await registerCard(client, payer.Id);
  const payIn = await payins.createCardDirect(
    client,
    {
      AuthorId: payer.Id,
      CreditedWalletId: payerWallet.Id,
      DebitedFunds: eur(10_000),
      Fees: eur(0),
      CardId: card.Id,
      SecureModeReturnURL: "https://dashboard.example.test/return",
      SecureMode: "DEFAULT",
      BrowserInfo: BROWSER,
      IpAddress: "203.0.113.7",
    },
    { idempotencyKey: newKey() },
  );
  const bankAccount = await bankAccounts.create(client, owner.Id, {
    Type: "IBAN",
    OwnerName: "Owner Seller",
    OwnerAddress: ADDRESS,
    IBAN: "FR7630004000031234567890143",
    BIC: "BNPAFRPP",
  });
  return { owner, payer, ownerWallet, payerWallet, card, payIn, bankAccount };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
