/**
 * Identity verification sessions through the official SDK (mangopay4-nodejs-sdk 1.68.0): IdentityVerifications
 * create, get, getAll — the hosted page's outcomes (validated, refused, review), the checks, events; over HTTP
 * the checks endpoint and the refusals.
 */
import type Mangopay from "mangopay4-nodejs-sdk";
import { list, natural, SMALL_SEED, startApi, str, type Api } from "./helpers";
import { sdkFor } from "./sdk-setup";

let api: Api;
let sdk: Mangopay;

beforeAll(async () => {
  api = await startApi(SMALL_SEED);
  sdk = sdkFor(api);
});
afterAll(async () => {
  await api.emu.close();
});

async function eventsOf(id: string): Promise<string[]> {
  return list((await api.call("GET", "/events?per_page=100&Sort=Date:DESC")).body)
    .filter((e) => str(e.ResourceId) === id)
    .map((e) => str(e.EventType))
    .reverse();
}

const RETURN = "https://platform.example/kyc-done";

it("SDK: create (PENDING, hosted page), the user passes, get shows VALIDATED with its checks", async () => {
  const user = await api.call("POST", "/users/natural", natural({ FirstName: "Iris", LastName: "Verified" }));
  const userId = str(user.body.Id);
  const session = await sdk.IdentityVerifications.create(userId, { ReturnUrl: RETURN, Tag: "onboarding" });
  expect(session).toMatchObject({ Status: "PENDING", UserId: userId, ReturnUrl: RETURN, Checks: [] });
  expect(session.Id).toMatch(/^idnver_m_/);
  expect(session.HostedUrl).toBe(`${api.emu.url}/idv/${api.clientId}/${session.Id}`);
  const hosted = await fetch(session.HostedUrl);
  expect(await hosted.text()).toContain("Verify your identity");
  const back = await fetch(session.HostedUrl, { method: "POST", body: "outcome=validated", redirect: "manual" });
  expect(back.headers.get("location")).toBe(`${RETURN}?identityVerificationId=${session.Id}`);
  const read = await sdk.IdentityVerifications.get(session.Id);
  expect(read.Status).toBe("VALIDATED");
  expect(read.Checks[0]).toMatchObject({ Type: "IDENTITY_DOCUMENT_VERIFICATION", CheckStatus: "VALIDATED" });
  expect(read.Checks[0].Data).toEqual(
    expect.arrayContaining([
      { Type: "FIRST_NAME", Value: "Iris" },
      { Type: "LAST_NAME", Value: "Verified" },
    ]),
  );
  expect(await eventsOf(session.Id)).toEqual(["IDENTITY_VERIFICATION_PENDING", "IDENTITY_VERIFICATION_VALIDATED"]);
  // Completed: the page is gone.
  expect((await fetch(session.HostedUrl, { method: "POST", body: "outcome=refused", redirect: "manual" })).status).toBe(
    404,
  );
});

it("refused and review outcomes; getAll per user; the checks endpoint; bad input", async () => {
  const user = await api.call("POST", "/users/natural", natural());
  const userId = str(user.body.Id);
  const refused = await sdk.IdentityVerifications.create(userId, { ReturnUrl: RETURN });
  const review = await sdk.IdentityVerifications.create(userId, { ReturnUrl: RETURN });
  await fetch(refused.HostedUrl, { method: "POST", body: "outcome=refused", redirect: "manual" });
  await fetch(review.HostedUrl, { method: "POST", body: "outcome=review", redirect: "manual" });
  const all = await sdk.IdentityVerifications.getAll(userId);
  expect(all.map((s) => [s.Id, s.Status]).sort()).toEqual(
    [
      [refused.Id, "REFUSED"],
      [review.Id, "REVIEW"],
    ].sort(),
  );
  expect(await eventsOf(refused.Id)).toEqual(["IDENTITY_VERIFICATION_PENDING", "IDENTITY_VERIFICATION_FAILED"]);
  expect(await eventsOf(review.Id)).toEqual(["IDENTITY_VERIFICATION_PENDING", "IDENTITY_VERIFICATION_INCONCLUSIVE"]);
  const checks = await api.call("GET", `/identity-verifications/${refused.Id}/checks`);
  expect(checks.body).toMatchObject({ SessionId: refused.Id, Status: "REFUSED" });
  expect(checks.body.Checks[0].Reasons).toEqual([{ Type: "DOCUMENT_FALSIFIED", Value: "The document looks altered" }]);

  const noUrl = await api.call("POST", `/users/${userId}/identity-verifications`, { ReturnUrl: "javascript:alert(1)" });
  expect(noUrl.status).toBe(400);
  expect(Object.keys(noUrl.body.errors)).toEqual(["ReturnUrl"]);
  expect((await api.call("POST", "/users/999999999/identity-verifications", { ReturnUrl: RETURN })).status).toBe(404);
  expect((await api.call("GET", "/identity-verifications/idnver_m_nope")).status).toBe(404);
});
