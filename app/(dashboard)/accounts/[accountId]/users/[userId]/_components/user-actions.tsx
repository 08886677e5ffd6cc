import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import type { BankAccountDTO } from "@/lib/services/bank-accounts/dto";
import { listUserBankAccounts } from "@/lib/services/bank-accounts/list-by-user";
import { getEditableUboDeclaration } from "@/lib/services/ubo-declarations/get-editable";
import type { UserDTO } from "@/lib/services/users/dto";
import { settle } from "@/lib/services/upstream";
import {
  AddBankAccountDialog,
  CreateMandateDialog,
  DeactivateBankAccountDialog,
  EditUserDialog,
  UploadKycDialog,
} from "./user-action-dialogs";
import { UboControls } from "./ubo-dialogs";

// The same page as the wallet menus' bank accounts: one call answers both from the request memo.
const FIRST_PAGE = { perPage: 100 };

function allowedActions(ctx: AccountContext, personType: string | null) {
  return {
    edit: can(ctx, "users.edit"),
    addBank: can(ctx, "bankAccounts.create"),
    deactivateBank: can(ctx, "bankAccounts.edit") && can(ctx, "bankAccounts.read"),
    mandate: can(ctx, "mandates.create") && can(ctx, "bankAccounts.read"),
    kyc: can(ctx, "kycDocuments.create") && can(ctx, "kycDocuments.edit"),
    ubo:
      personType !== "NATURAL" &&
      can(ctx, "uboDeclarations.create") &&
      can(ctx, "uboDeclarations.edit") &&
      can(ctx, "uboDeclarations.read"),
  };
}

function loadActionData(ctx: AccountContext, userId: string, may: ReturnType<typeof allowedActions>) {
  return Promise.all([
    may.deactivateBank || may.mandate
      ? settle(listUserBankAccounts({ ctx, input: { userId, query: FIRST_PAGE } }))
      : null,
    may.ubo ? settle(getEditableUboDeclaration({ ctx, input: { userId } })) : null,
  ]);
}

/**
 * Starts the action bar's reads before the user is known (its person type is not: the editable UBO
 * declaration is read for any user the member may declare for), so they run beside the user's read
 * instead of after it.
 */
export function preloadUserActions(ctx: AccountContext, userId: string): void {
  void loadActionData(ctx, userId, allowedActions(ctx, null));
}

/**
 * The profile's action bar: each button only for members holding its scope (no dead buttons); the
 * services check again. Bank accounts and UBO declarations are read only when a button needs them.
 */
export async function UserActions({ ctx, user }: { ctx: AccountContext; user: UserDTO }) {
  const ids = { accountId: ctx.account.id, userId: user.id };
  const may = allowedActions(ctx, user.personType === "LEGAL" ? "LEGAL" : "NATURAL");
  if (!Object.values(may).some(Boolean)) return null;
  const [banks, declarations] = await loadActionData(ctx, user.id, may);
  const active = (banks?.ok ? banks.data.items : [])
    .filter((b: BankAccountDTO) => b.active)
    .map((b) => ({ id: b.id, label: `${b.type} ${b.maskedNumber ?? ""} · ${b.ownerName} (${b.id})` }));
  const editable = declarations?.ok ? declarations.data : null;
  const n = user.natural;
  const rep = user.legal?.representative;
  return (
    <section aria-label="Actions" data-testid="user-actions" className="flex flex-wrap items-start gap-2">
      {may.edit ? (
        <EditUserDialog
          ids={ids}
          defaults={{
            personType: user.personType === "LEGAL" ? "LEGAL" : "NATURAL",
            category: user.category,
            email: user.email,
            termsAccepted: Boolean(user.termsAccepted),
            tag: user.tag,
            firstName: n?.firstName,
            lastName: n?.lastName,
            birthday: n?.birthday,
            nationality: n?.nationality,
            countryOfResidence: n?.countryOfResidence,
            occupation: n?.occupation,
            incomeRange: n?.incomeRange,
            name: user.legal ? user.name : null,
            legalPersonType: user.legal?.legalPersonType,
            companyNumber: user.legal?.companyNumber,
            repFirstName: rep?.firstName,
            repLastName: rep?.lastName,
            repEmail: rep?.email,
            repBirthday: rep?.birthday,
            repNationality: rep?.nationality,
            repCountryOfResidence: rep?.countryOfResidence,
          }}
        />
      ) : null}
      {may.addBank ? <AddBankAccountDialog ids={ids} /> : null}
      {may.mandate ? <CreateMandateDialog ids={ids} accounts={active} /> : null}
      {may.kyc ? <UploadKycDialog ids={ids} /> : null}
      {may.ubo ? <UboControls ids={ids} declaration={editable} /> : null}
      {may.deactivateBank ? <DeactivateBankAccountDialog ids={ids} accounts={active} /> : null}
    </section>
  );
}
