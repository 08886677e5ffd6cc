/** @jest-environment node */
import { permissionGroups, sso as mangopaySso, type MangopayClient } from "@/lib/mangopay";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { UpstreamServiceError } from "@/lib/services/upstream";
import { recordedMangopayCall, ResultNotRecordedError } from "@/lib/services/operations/recorded-call";
import { createPermissionGroup } from "@/lib/services/sso/create-permission-group";
import { createSso } from "@/lib/services/sso/create";
import { accountContextFor, uid, type TestHub } from "../hub/factories";
import { emulatorHub } from "./emulator-hub";

afterAll(() => db.$disconnect());

let env: Awaited<ReturnType<typeof emulatorHub>>;
let direct: MangopayClient;
let hub: TestHub;
let account: Awaited<ReturnType<typeof emulatorHub>>["account"];
beforeAll(async () => {
  env = await emulatorHub(12, ["OWNER"]);
  ({ direct, hub, account } = env);
});
afterAll(() => env.emulator.close());
const counts = async () => ({
  ssos: (await mangopaySso.list(direct, { perPage: 100 })).items.length,
  groups: (await permissionGroups.list(direct, { perPage: 100 })).items.length,
});

const owner = () => accountContextFor(hub, "OWNER", account);
const operations = (action: string) =>
  db.upstreamOperation.findMany({ where: { apiAccountId: account.id, action }, orderBy: { createdAt: "asc" } });
const audits = (action: string) =>
  db.auditEvent.findMany({ where: { hubId: hub.hubId, action }, orderBy: { createdAt: "asc" } });

describe("no MANGOPAY change without an audit row", () => {
  it("refuses a NUL byte (and other control characters) in SSO and group names before calling MANGOPAY", async () => {
    const before = await counts();
    const email = `nul${uid()}@x.test`;
    await expect(
      createSso({
        ctx: owner(),
        input: { accountId: account.id, firstName: "Ana\u0000", lastName: "Lima", email, permissionGroupId: "READ" },
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      createPermissionGroup({ ctx: owner(), input: { accountId: account.id, name: "Ops\u001b[31m", grants: [] } }),
    ).rejects.toThrow(ValidationError);
    expect(await counts()).toEqual(before);
    expect(await operations("sso.create")).toHaveLength(0);
  });

  it("audits the intent before the call and the result after it, with a completed operation row", async () => {
    const email = `ok${uid()}@x.test`;
    const created = await createSso({
      ctx: owner(),
      input: { accountId: account.id, firstName: "Ana", lastName: "Lima", email, permissionGroupId: "READ" },
    });
    const [op] = await operations("sso.create");
    expect(op).toMatchObject({ status: "SUCCEEDED", upstreamId: created.id, actorUserId: hub.members.OWNER.userId });
    const [intent] = await audits("sso.create.intent");
    const [result] = await audits("sso.create");
    expect(intent?.after).toMatchObject({ email, permissionGroupId: "READ" });
    expect(intent?.metadata).toEqual({ operationId: op?.id });
    expect(result?.targetId).toBe(created.id);
    expect(intent && result && intent.createdAt <= result.createdAt).toBe(true);
  });

  it("when the result cannot be recorded after MANGOPAY accepted, says so (never 'nothing was changed') and leaves a PENDING operation", async () => {
    let called = 0;
    const error = await recordedMangopayCall(owner(), {
      action: "test.write",
      targetType: "thing",
      intent: { name: "fine" },
      confirm: { by: "response" },
      call: async () => {
        called += 1;
        return { id: "up-1" };
      },
      // PostgreSQL cannot store a NUL byte: the result transaction fails after the call succeeded.
      result: (v) => ({ upstreamId: v.id, after: { name: "bad\u0000" } }),
    }).catch((e: unknown) => e);
    expect(called).toBe(1);
    expect(error).toBeInstanceOf(ResultNotRecordedError);
    expect((error as Error).message).toMatch(/MANGOPAY accepted the change/);
    expect((error as Error).message).not.toMatch(/nothing was changed/i);
    const [op] = await operations("test.write");
    expect(op?.status).toBe("PENDING");
    expect(await audits("test.write.intent")).toHaveLength(1);
  });

  it("records a refused call as FAILED with its audit row", async () => {
    await expect(
      recordedMangopayCall(owner(), {
        action: "test.refused",
        targetType: "thing",
        intent: { name: "x" },
        confirm: { by: "response" },
        call: async () => {
          throw new UpstreamServiceError("MANGOPAY is not answering properly (HTTP 500): HTTP 500", {
            kind: "unavailable",
            status: 500,
            type: null,
            mangopayId: null,
            retryAt: null,
          });
        },
        result: () => ({ upstreamId: "never", after: {} }),
      }),
    ).rejects.toThrow(UpstreamServiceError);
    const [op] = await operations("test.refused");
    expect(op).toMatchObject({ status: "FAILED", errorCode: "UPSTREAM" });
    expect((await audits("test.refused.failed"))[0]?.metadata).toMatchObject({ errorCode: "UPSTREAM" });
  });
});
