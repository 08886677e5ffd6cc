import type { CallOptions, MangopayClient } from "./client";
import { listPage, type ListOptions, type Page } from "./pagination";
import { getOne, send, type WriteOptions } from "./resource";
import { BankAccount } from "./schemas/bank-accounts";
import type { Address } from "./schemas/common";

interface BankAccountBase {
  OwnerName: string;
  OwnerAddress: Address;
  Tag?: string;
}

export type CreateBankAccountInput =
  | (BankAccountBase & { Type: "IBAN"; IBAN: string; BIC?: string })
  | (BankAccountBase & { Type: "GB"; AccountNumber: string; SortCode: string })
  | (BankAccountBase & { Type: "US"; AccountNumber: string; ABA: string; DepositAccountType?: "CHECKING" | "SAVINGS" })
  | (BankAccountBase & {
      Type: "CA";
      AccountNumber: string;
      InstitutionNumber: string;
      BranchCode: string;
      BankName: string;
    })
  | (BankAccountBase & { Type: "OTHER"; AccountNumber: string; BIC: string; Country: string });

/** `POST /users/{id}/bankaccounts/{iban|gb|us|ca|other}`; the type picks the path. */
export function create(
  client: MangopayClient,
  userId: string,
  input: CreateBankAccountInput,
  options: WriteOptions = {},
): Promise<BankAccount> {
  const { Type, ...body } = input;
  return send(
    client,
    "POST",
    "/users/{userId}/bankaccounts/{type}",
    { userId, type: Type.toLowerCase() },
    body,
    BankAccount,
    "bank account",
    options,
  );
}

export function get(
  client: MangopayClient,
  userId: string,
  bankAccountId: string,
  options: CallOptions = {},
): Promise<BankAccount> {
  return getOne(
    client,
    "/users/{userId}/bankaccounts/{bankAccountId}",
    { userId, bankAccountId },
    BankAccount,
    "bank account",
    options,
  );
}

export function listByUser(
  client: MangopayClient,
  userId: string,
  options: ListOptions<"Active"> = {},
): Promise<Page<BankAccount>> {
  return listPage(
    client,
    { path: "/users/{userId}/bankaccounts", params: { userId }, item: BankAccount, itemName: "bank account" },
    options,
  );
}

/** Irreversible: MANGOPAY cannot reactivate a bank account. */
export function deactivate(
  client: MangopayClient,
  userId: string,
  bankAccountId: string,
  options: CallOptions = {},
): Promise<BankAccount> {
  return send(
    client,
    "PUT",
    "/users/{userId}/bankaccounts/{bankAccountId}",
    { userId, bankAccountId },
    { Active: false },
    BankAccount,
    "bank account",
    options,
  );
}
