"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormActions, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, FormAlert } from "@/components/ui/form-message";
import { Label } from "@/components/ui/input";
import { announceOutcome, useDialogForm } from "@/components/use-dialog-action";
import { dashboardPaths } from "@/lib/dashboard-paths";
import { ACCEPTED_PAGE_TYPES, MAX_KYC_PAGES, pageProblem } from "@/lib/document-files";
import { BANK_ACCOUNT_TYPES, KYC_DOCUMENT_TYPES, MANDATE_CULTURES } from "@/lib/mangopay/values";
import { AddressFields, readFileBase64, SelectField, TextField } from "../../../_components/form-fields";
import { UserFields, type UserFormDefaults } from "../../_components/user-fields";
import {
  addKycPageAction,
  createBankAccountAction,
  createKycDocumentAction,
  createMandateAction,
  deactivateBankAccountAction,
  submitKycDocumentAction,
  updateUserAction,
} from "../actions";

export type BankAccountOption = { id: string; label: string };
type Ids = { accountId: string; userId: string };

function Hidden({ accountId, userId }: Ids) {
  return (
    <>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="userId" value={userId} />
    </>
  );
}

export function EditUserDialog({ ids, defaults }: { ids: Ids; defaults: UserFormDefaults }) {
  const { open, setOpen, state, onSubmit, pending, fieldErrors } = useDialogForm(updateUserAction, (user) => ({
    title: `User ${user.name} saved.`,
    href: dashboardPaths(ids.accountId).user(ids.userId),
    linkLabel: `Open ${user.id}`,
  }));
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary">
          Edit user
        </Button>
      </DialogTrigger>
      <DialogContent title="Edit user" className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <Hidden {...ids} />
          <UserFields errors={fieldErrors} defaults={defaults} />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Save" pendingLabel="Sending to MANGOPAY…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

const TYPE_LABELS: Record<(typeof BANK_ACCOUNT_TYPES)[number], string> = {
  IBAN: "IBAN (SEPA and most countries)",
  GB: "UK account number and sort code",
  US: "US account number and ABA",
  CA: "Canadian account",
  OTHER: "Other country (account number and BIC)",
};

export function AddBankAccountDialog({ ids }: { ids: Ids }) {
  const {
    open,
    setOpen,
    state,
    onSubmit,
    pending,
    fieldErrors: e,
  } = useDialogForm(createBankAccountAction, (a) => ({
    title: `Bank account ${a.id} added (${a.maskedNumber ?? a.type}).`,
    href: dashboardPaths(ids.accountId).userTab(ids.userId, "bank-accounts"),
    linkLabel: "Open the bank accounts",
  }));
  const [type, setType] = useState<(typeof BANK_ACCOUNT_TYPES)[number]>("IBAN");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary">
          Add bank account
        </Button>
      </DialogTrigger>
      <DialogContent title="Add a bank account" className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <Hidden {...ids} />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              name="type"
              label="Account type"
              errors={e}
              value={type}
              onChange={(ev) => setType(ev.target.value as typeof type)}
              options={BANK_ACCOUNT_TYPES.map((t) => [t, TYPE_LABELS[t]] as const)}
            />
            <TextField name="ownerName" label="Account holder's name" errors={e} maxLength={255} />
            {type === "IBAN" ? (
              <>
                <TextField name="iban" label="IBAN" errors={e} maxLength={64} autoComplete="off" />
                <TextField name="bic" label="BIC (optional)" errors={e} maxLength={11} />
              </>
            ) : null}
            {type !== "IBAN" ? (
              <TextField name="accountNumber" label="Account number" errors={e} maxLength={64} autoComplete="off" />
            ) : null}
            {type === "GB" ? <TextField name="sortCode" label="Sort code (6 digits)" errors={e} maxLength={8} /> : null}
            {type === "US" ? (
              <>
                <TextField name="aba" label="ABA routing number (9 digits)" errors={e} maxLength={9} />
                <SelectField
                  name="depositAccountType"
                  label="Deposit account type"
                  errors={e}
                  options={[
                    ["CHECKING", "Checking"],
                    ["SAVINGS", "Savings"],
                  ]}
                />
              </>
            ) : null}
            {type === "CA" ? (
              <>
                <TextField name="institutionNumber" label="Institution number" errors={e} maxLength={4} />
                <TextField name="branchCode" label="Branch code (5 digits)" errors={e} maxLength={5} />
                <TextField name="bankName" label="Bank name" errors={e} maxLength={50} />
              </>
            ) : null}
            {type === "OTHER" ? (
              <>
                <TextField name="bic" label="BIC" errors={e} maxLength={11} />
                <TextField name="bankCountry" label="Bank's country (ISO code)" errors={e} maxLength={2} />
              </>
            ) : null}
          </div>
          <AddressFields legend="Account holder's address" errors={e} required />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Add bank account" pendingLabel="Sending to MANGOPAY…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function DeactivateBankAccountDialog({ ids, accounts }: { ids: Ids; accounts: BankAccountOption[] }) {
  const { open, setOpen, state, onSubmit, pending, fieldErrors } = useDialogForm(deactivateBankAccountAction, (a) => ({
    title: `Bank account ${a.id} deactivated.`,
    href: dashboardPaths(ids.accountId).userTab(ids.userId, "bank-accounts"),
    linkLabel: "Open the bank accounts",
  }));
  if (accounts.length === 0) return null;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50">
          Deactivate bank account
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Deactivate a bank account?"
        description="MANGOPAY cannot reactivate a bank account: payouts and mandates can no longer use it."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <Hidden {...ids} />
          <SelectField
            name="bankAccountId"
            label="Bank account"
            errors={fieldErrors}
            options={accounts.map((a) => [a.id, a.label] as const)}
          />
          {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Deactivate" pendingLabel="Sending to MANGOPAY…" danger />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function CreateMandateDialog({ ids, accounts }: { ids: Ids; accounts: BankAccountOption[] }) {
  const {
    open,
    setOpen,
    state,
    onSubmit,
    pending,
    fieldErrors: e,
  } = useDialogForm(createMandateAction, (m) => ({
    title: `Mandate ${m.id} created (${m.status}).`,
    href: dashboardPaths(ids.accountId).userTab(ids.userId, "mandates"),
    linkLabel: "Open the mandates",
  }));
  if (accounts.length === 0) return null;
  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button size="sm" variant="secondary">
            Create mandate
          </Button>
        </DialogTrigger>
        <DialogContent
          title="Create a direct-debit mandate"
          description="The user confirms the mandate on MANGOPAY's page; its link is shown once it is created."
        >
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <Hidden {...ids} />
            <SelectField
              name="bankAccountId"
              label="Bank account"
              errors={e}
              options={accounts.map((a) => [a.id, a.label] as const)}
            />
            <SelectField
              name="culture"
              label="Language of the confirmation page"
              errors={e}
              options={MANDATE_CULTURES.map((c) => [c, c] as const)}
            />
            <TextField
              name="returnUrl"
              label="Return URL (where the user lands after confirming)"
              errors={e}
              type="url"
            />
            {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
            <DialogFormActions pending={pending} label="Create mandate" pendingLabel="Sending to MANGOPAY…" />
          </form>
        </DialogContent>
      </Dialog>
      {/* Not a success message (the toast says that): the link the member must pass on, shown only once. */}
      {state?.ok && !open && state.data.confirmationUrl ? (
        <p className="text-sm text-slate-700" data-testid="mandate-confirmation">
          Send the user mandate {state.data.id}&apos;s confirmation link:{" "}
          <a className="break-all underline" href={state.data.confirmationUrl} rel="noreferrer" target="_blank">
            {state.data.confirmationUrl}
          </a>
        </p>
      ) : null}
    </>
  );
}

const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replaceAll("_", " ");

/**
 * KYC upload in three MANGOPAY steps — open the document, add each page, submit — each checked
 * before it is sent (type and size per MANGOPAY's rules) and audited by its action.
 */
export function UploadKycDialog({ ids }: { ids: Ids }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]> | undefined>();
  const [error, setError] = useState<string | null>(null);

  async function submit(form: HTMLFormElement) {
    setErrors(undefined);
    setError(null);
    const data = new FormData(form);
    const type = String(data.get("type") ?? "");
    const files = data.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0) return setErrors({ files: ["Pick at least one page"] });
    if (files.length > MAX_KYC_PAGES) return setErrors({ files: [`At most ${MAX_KYC_PAGES} pages per document`] });
    const pages: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = pageProblem(bytes, type === "IDENTITY_PROOF");
      if (problem) return setErrors({ files: [`${file.name}: ${problem}`] });
      pages.push(await readFileBase64(file));
    }
    setPending(true);
    try {
      const created = await createKycDocumentAction(null, {
        ...ids,
        type: type as (typeof KYC_DOCUMENT_TYPES)[number],
      });
      if (!created.ok) return (setErrors(created.fieldErrors), setError(created.error));
      for (const [i, file] of pages.entries()) {
        const added = await addKycPageAction(null, { ...ids, documentId: created.data.id, file });
        if (!added.ok) return setError(`Page ${i + 1}: ${added.error} (document ${created.data.id} stays unsubmitted)`);
      }
      const submitted = await submitKycDocumentAction(null, { ...ids, documentId: created.data.id });
      if (!submitted.ok) return setError(submitted.error);
      setOpen(false);
      announceOutcome({
        title: `KYC document ${submitted.data.id} submitted: status ${submitted.data.status}.`,
        href: dashboardPaths(ids.accountId).userTab(ids.userId, "kyc-documents"),
        linkLabel: "Open the KYC documents",
      });
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary">
          Upload KYC document
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Upload a KYC document"
        description={`PDF, JPEG or PNG; up to ${MAX_KYC_PAGES} pages of at most 7 MB each (identity proofs at least 32 KB per page).`}
      >
        <form
          className="space-y-4"
          onSubmit={(ev) => {
            ev.preventDefault();
            void submit(ev.currentTarget);
          }}
        >
          <SelectField
            name="type"
            label="Document type"
            errors={errors}
            options={KYC_DOCUMENT_TYPES.map((t) => [t, label(t)] as const)}
          />
          <div className="space-y-1.5">
            <Label htmlFor="kyc-files">Pages</Label>
            <input id="kyc-files" name="files" type="file" accept={ACCEPTED_PAGE_TYPES} multiple className="text-sm" />
            <FieldError name="files" errors={errors} />
            <FieldError name="file" errors={errors} />
          </div>
          {error ? <FormAlert>{error}</FormAlert> : null}
          <DialogFormActions pending={pending} label="Upload and submit" pendingLabel="Uploading to MANGOPAY…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
