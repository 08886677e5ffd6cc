"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/server/action";
import { createBankWirePayIn } from "@/lib/services/payins/create-bank-wire";
import { createCardPayIn } from "@/lib/services/payins/create-card";
import { createDirectDebitPayIn } from "@/lib/services/payins/create-direct-debit";
import {
  CreateBankWirePayInInput,
  CreateCardPayInInput,
  CreateDirectDebitPayInInput,
} from "@/lib/services/payins/schemas";
import { createPayout } from "@/lib/services/payouts/create";
import { CreatePayoutInput } from "@/lib/services/payouts/schemas";
import { createTransfer } from "@/lib/services/transfers/create";
import { CreateTransferInput } from "@/lib/services/transfers/schemas";
import { createWallet } from "@/lib/services/wallets/create";
import { CreateWalletInput } from "@/lib/services/wallets/schemas";

// The wallet menu's actions. Each one is a money operation (lib/services/operations/money-operation.ts):
// the form's operationKey makes a resubmit return the first submission's outcome.
const refresh = <T>(accountId: string, value: T): T => {
  revalidatePath(`/accounts/${accountId}`, "layout");
  return value;
};

export const createWalletAction = accountAction("wallets.create", CreateWalletInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await createWallet({ ctx, input })),
);

export const createBankWirePayInAction = accountAction(
  "payins.create",
  CreateBankWirePayInInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await createBankWirePayIn({ ctx, input })),
);

export const createDirectDebitPayInAction = accountAction(
  "payins.create",
  CreateDirectDebitPayInInput,
  async ({ ctx, input }) => refresh(ctx.account.id, await createDirectDebitPayIn({ ctx, input })),
);

export const createCardPayInAction = accountAction("payins.create", CreateCardPayInInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await createCardPayIn({ ctx, input })),
);

export const createPayoutAction = accountAction("payouts.create", CreatePayoutInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await createPayout({ ctx, input })),
);

export const createTransferAction = accountAction("transfers.create", CreateTransferInput, async ({ ctx, input }) =>
  refresh(ctx.account.id, await createTransfer({ ctx, input })),
);
