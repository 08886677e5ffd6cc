import type { Metadata } from "next";
import Link from "@/components/intent-link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { MaybeTime } from "@/components/local-time";
import { SectionSkeleton } from "@/components/page-skeleton";
import { ServiceErrorMessage } from "@/components/service-error-message";
import { StatusBadge } from "@/components/status-badge";
import { Card } from "@/components/ui/card";
import { dashboardPaths, type UserTab } from "@/lib/dashboard-paths";
import { requireAccountPermission } from "@/lib/server/account-context";
import { can } from "@/lib/server/permissions";
import type { AccountContext } from "@/lib/server/context-types";
import type { PersonDTO, UserDTO } from "@/lib/services/users/dto";
import { getUser } from "@/lib/services/users/get";
import { getUserRegulatory } from "@/lib/services/users/get-regulatory";
import { settle } from "@/lib/services/upstream";
import { listUserRecipients } from "@/lib/services/recipients/list-by-user";
import {
  RECIPIENTS_QUERY,
  UserRecipients,
  UserScaStatus,
  UserVirtualAccounts,
} from "./_components/user-sca-and-accounts";
import { listUserVirtualAccounts } from "@/lib/services/virtual-accounts/list-by-user";
import { preloadWalletActions } from "../../wallets/_components/wallet-actions";
import { preloadUserActions, UserActions } from "./_components/user-actions";
import { USER_SECTIONS } from "./_components/user-sections";
import { userTabsFor } from "./_components/user-tabs";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ accountId: string; userId: string }> };

const SUMMARY_QUERY = { perPage: 10 };

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words">{children ?? "—"}</dd>
    </>
  );
}

function Lines({ lines }: { lines: string[] | null }) {
  return lines ? <span className="whitespace-pre-line">{lines.join("\n")}</span> : <>—</>;
}

function PersonFields({ p }: { p: PersonDTO }) {
  return (
    <>
      <Field label="First name">{p.firstName}</Field>
      <Field label="Last name">{p.lastName}</Field>
      <Field label="Email">{p.email}</Field>
      <Field label="Birthday">
        <MaybeTime iso={p.birthday} dateOnly />
      </Field>
      <Field label="Nationality">{p.nationality}</Field>
      <Field label="Residence">{p.countryOfResidence}</Field>
      <Field label="Address">
        <Lines lines={p.address} />
      </Field>
    </>
  );
}

function Block({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card className="p-5" data-testid={testId}>
      <h2 className="mb-3 font-semibold">{title}</h2>
      {children}
    </Card>
  );
}

function Identity({ u }: { u: UserDTO }) {
  return (
    <Block title={u.legal ? "Company" : "Identity"} testId="user-identity">
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
        {u.natural ? (
          <>
            <PersonFields p={u.natural} />
            <Field label="Occupation">{u.natural.occupation}</Field>
            <Field label="Income range">{u.natural.incomeRange}</Field>
          </>
        ) : null}
        {u.legal ? (
          <>
            <Field label="Name">{u.name}</Field>
            <Field label="Legal form">{u.legal.legalPersonType}</Field>
            <Field label="Company number">{u.legal.companyNumber}</Field>
            <Field label="Email">{u.email}</Field>
            <Field label="Headquarters">
              <Lines lines={u.legal.headquartersAddress} />
            </Field>
          </>
        ) : null}
      </dl>
    </Block>
  );
}

function Compliance({ u }: { u: UserDTO }) {
  return (
    <Block title="Status and compliance" testId="user-compliance">
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
        <Field label="KYC level">
          <StatusBadge status={u.kycLevel} />
        </Field>
        <Field label="Category">{u.category}</Field>
        <Field label="User status">
          <StatusBadge status={u.status} />
        </Field>
        <Field label="SCA">
          {u.pendingUserAction ? "Action pending from the user (enrolment or consent)" : "Nothing pending"}
        </Field>
        <Field label="Terms accepted">
          {u.termsAccepted === null ? (
            "—"
          ) : u.termsAccepted ? (
            <>
              Yes, <MaybeTime iso={u.termsAcceptedAt} />
            </>
          ) : (
            "No"
          )}
        </Field>
        <Field label="Created">
          <MaybeTime iso={u.createdAt} />
        </Field>
        <Field label="Tag">{u.tag}</Field>
      </dl>
    </Block>
  );
}

async function Regulatory({ ctx, userId }: { ctx: AccountContext; userId: string }) {
  const r = await settle(getUserRegulatory({ ctx, input: { userId } }));
  if (!r.ok) return <ServiceErrorMessage view={r.error} />;
  const blocked = r.data.inflowsBlocked || r.data.outflowsBlocked;
  return (
    <p className={`text-sm ${blocked ? "text-red-700" : "text-slate-700"}`} data-testid="user-regulatory">
      {blocked
        ? `Blocked by MANGOPAY: ${[r.data.inflowsBlocked && "incoming funds", r.data.outflowsBlocked && "outgoing funds"].filter(Boolean).join(" and ")}${r.data.actionCode ? ` (action code ${r.data.actionCode})` : ""}.`
        : "No regulatory block on incoming or outgoing funds."}
    </p>
  );
}

async function Summary({
  ctx,
  userId,
  tab,
  title,
}: {
  ctx: AccountContext;
  userId: string;
  tab: UserTab;
  title: string;
}) {
  const spec = USER_SECTIONS[tab];
  const paths = dashboardPaths(ctx.account.id);
  const result = await settle(spec.load(ctx, userId, SUMMARY_QUERY));
  const count = result.ok ? (result.data.totalItems ?? result.data.items.length) : null;
  return (
    <section aria-label={title} data-testid={`summary-${tab}`} className="space-y-2">
      <div className="flex items-baseline justify-between">
        <h2 className="font-semibold">
          {title} {count !== null ? <span className="text-sm font-normal text-slate-500">({count})</span> : null}
        </h2>
        <Link href={paths.userTab(userId, tab)} className="text-sm underline">
          View all
        </Link>
      </div>
      {!result.ok ? (
        <ServiceErrorMessage view={result.error} />
      ) : result.data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
          No {spec.noun}.
        </p>
      ) : (
        spec.table(result.data.items.slice(0, 5), paths, true, ctx)
      )}
    </section>
  );
}

/** "Information" tab: identity, addresses, company and representative, compliance, then one summary per aspect. */
export default async function UserInformationPage({ params }: Props) {
  const { accountId, userId } = await params;
  const ctx = await requireAccountPermission(accountId, "users.read");
  // Every summary starts now, in parallel with the user (memoized for the sections below): no
  // waterfall. The UBO list is started for natural users too, so legal users never wait for it.
  void settle(getUserRegulatory({ ctx, input: { userId } }));
  if (can(ctx, "wallets.read")) void settle(listUserVirtualAccounts({ ctx, input: { userId } }));
  if (can(ctx, "bankAccounts.read"))
    void settle(listUserRecipients({ ctx, input: { userId, query: RECIPIENTS_QUERY } }));
  preloadUserActions(ctx, userId);
  if (can(ctx, "wallets.read")) preloadWalletActions(ctx, userId);
  for (const t of userTabsFor(ctx, "LEGAL"))
    if (t.tab) void settle(USER_SECTIONS[t.tab].load(ctx, userId, SUMMARY_QUERY));
  // Same request as the layout: served from the per-request memo, not fetched again.
  const user = await settle(getUser({ ctx, input: { userId } }));
  if (!user.ok && user.notFound) notFound();
  if (!user.ok) return null; // the header (layout) already says why
  const u = user.data;
  const tabs = userTabsFor(ctx, u.personType).filter((t): t is typeof t & { tab: UserTab } => t.tab !== null);
  return (
    <div className="space-y-6">
      <Suspense fallback={null}>
        <UserActions ctx={ctx} user={u} />
      </Suspense>
      <div className="grid gap-4 lg:grid-cols-2">
        <Identity u={u} />
        <Compliance u={u} />
        {u.legal ? (
          <Block title="Legal representative" testId="user-representative">
            <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
              <PersonFields p={u.legal.representative} />
            </dl>
          </Block>
        ) : null}
        <Block title="Regulatory blocks">
          <Suspense fallback={<SectionSkeleton label="Loading regulatory status" height="h-6" />}>
            <Regulatory ctx={ctx} userId={u.id} />
          </Suspense>
        </Block>
        {u.category === "OWNER" ? (
          <Block title="Strong customer authentication" testId="user-sca-block">
            <Suspense fallback={<SectionSkeleton label="Loading SCA status" height="h-6" />}>
              <UserScaStatus ctx={ctx} userId={u.id} />
            </Suspense>
          </Block>
        ) : null}
      </div>
      {can(ctx, "wallets.read") ? (
        <Suspense fallback={<SectionSkeleton label="Loading virtual accounts" height="h-16" />}>
          <UserVirtualAccounts ctx={ctx} userId={u.id} />
        </Suspense>
      ) : null}
      {can(ctx, "bankAccounts.read") ? (
        <Suspense fallback={<SectionSkeleton label="Loading recipients" height="h-16" />}>
          <UserRecipients ctx={ctx} userId={u.id} />
        </Suspense>
      ) : null}
      {tabs.map((t) => (
        <Suspense key={t.tab} fallback={<SectionSkeleton label={`Loading ${t.label}`} height="h-28" />}>
          <Summary ctx={ctx} userId={u.id} tab={t.tab} title={t.label} />
        </Suspense>
      ))}
    </div>
  );
}
