/** @jest-environment node */
// The profile's SCA status and virtual accounts: read verbs against a private emulator over real HTTP
// and a real database — values as MANGOPAY sent them, Forbidden without the permission, NotFound for an
// unknown user and for another Hub's account.
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { getUserScaStatus } from "@/lib/services/users/get-sca-status";
import { listUserVirtualAccounts } from "@/lib/services/virtual-accounts/list-by-user";
import { accountContextFor, createTestAccount, createTestHub, type TestHub } from "../hub/factories";
import { startTestEmulator, type TestEmulator } from "../mangopay/helpers";

type Row = Record<string, unknown> & { Id: string };

let emu: TestEmulator;
let hub: TestHub;
let account: Awaited<ReturnType<typeof createTestAccount>>;
let foreignHubAccount: Awaited<ReturnType<typeof createTestAccount>>;
let userId = "";
let walletId = "";
let vaId = "";
let iban = "";

async function call<T = Row>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const mk = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  const res = await fetch(`${emu.url}/v2.01/demo-marketplace${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`demo-marketplace:${mk?.ApiKey}`).toString("base64")}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} → ${res.status}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  emu = await startTestEmulator(7);
  const mk = emu.clients.find((c) => c.ClientId === "demo-marketplace");
  hub = await createTestHub();
  const otherHub = await createTestHub();
  account = await createTestAccount(hub, { baseUrl: emu.url, clientId: mk?.ClientId, apiKey: mk?.ApiKey });
  foreignHubAccount = await createTestAccount(otherHub, {
    baseUrl: emu.url,
    clientId: mk?.ClientId,
    apiKey: mk?.ApiKey,
  });
  const user = await call<Row & { PendingUserAction: { RedirectUrl: string } }>("POST", "/sca/users/natural", {
    FirstName: "Read",
    LastName: "Owner",
    Email: "read.owner@example.com",
    Birthday: 631152000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "OWNER",
  });
  userId = user.Id;
  walletId = (await call("POST", "/wallets", { Owners: [userId], Currency: "EUR", Description: "EUR" })).Id;
  const va = await call<Row & { LocalAccountDetails: { Account: { Iban: string } } }>(
    "POST",
    `/wallets/${walletId}/virtual-accounts`,
    { Country: "LU", VirtualAccountPurpose: "USER_OWNED" },
  );
  vaId = va.Id;
  iban = va.LocalAccountDetails.Account.Iban;
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await emu?.close();
});

const ctxAs = (grants?: string[]) => accountContextFor(hub, "OWNER", account, grants);

it("reads the SCA status before and after the user's enrolment", async () => {
  const before = await getUserScaStatus({ ctx: ctxAs(), input: { userId } });
  expect(before).toMatchObject({ userStatus: "PENDING_USER_ACTION", isEnrolled: false, lastEnrollmentAt: null });
  const sessions = await call<Row & { PendingUserAction: { RedirectUrl: string } }>(
    "POST",
    `/sca/users/${userId}/enrollment`,
  );
  const sessionId = sessions.PendingUserAction.RedirectUrl.split("/").pop();
  await emu.control("POST", `/clients/demo-marketplace/sca/sessions/${sessionId}/complete`, { Outcome: "SUCCEEDED" });
  // A new request: the per-request memo does not keep the earlier answer across requests.
  const after = await getUserScaStatus({ ctx: ctxAs(), input: { userId } });
  expect(after.isEnrolled).toBe(true);
  expect(after.userStatus).toBe("ACTIVE");
  expect(Date.parse(after.lastEnrollmentAt ?? "")).toBeGreaterThan(0);
  expect(after.consents.map((c) => c.scope).sort()).toEqual([
    "ContactInformationUpdate",
    "RecipientRegistration",
    "Transfer",
    "ViewAccountInformation",
  ]);
});

it("lists the virtual accounts of the user's wallets with their IBAN", async () => {
  const list = await listUserVirtualAccounts({ ctx: ctxAs(), input: { userId } });
  expect(list).toEqual([
    expect.objectContaining({
      id: vaId,
      walletId,
      walletCurrency: "EUR",
      purpose: "USER_OWNED",
      country: "LU",
      status: "ACTIVE",
      active: true,
      owner: "Read Owner",
      identifier: iban,
    }),
  ]);
});

it("Forbidden without the permission, NotFound for an unknown user and another Hub's account", async () => {
  await expect(getUserScaStatus({ ctx: ctxAs(["wallets.read"]), input: { userId } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(listUserVirtualAccounts({ ctx: ctxAs(["users.read"]), input: { userId } })).rejects.toBeInstanceOf(
    ForbiddenError,
  );
  await expect(getUserScaStatus({ ctx: ctxAs(), input: { userId: "999999999" } })).rejects.toBeInstanceOf(
    NotFoundError,
  );
  await expect(listUserVirtualAccounts({ ctx: ctxAs(), input: { userId: "999999999" } })).rejects.toBeInstanceOf(
    NotFoundError,
  );
  const forged = accountContextFor(hub, "OWNER", foreignHubAccount);
  await expect(getUserScaStatus({ ctx: forged, input: { userId } })).rejects.toBeInstanceOf(NotFoundError);
  await expect(listUserVirtualAccounts({ ctx: forged, input: { userId } })).rejects.toBeInstanceOf(NotFoundError);
});
