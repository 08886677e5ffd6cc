import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { list, startApi, str } from "./helpers";

describe("snapshots keep compliance, dispute, report and SSO state", () => {
  it("restores disputes, KYC documents, reports, SSOs and their indexes after a restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "emu-snapshot-"));
    const snapshotPath = join(dir, "snap.json");
    try {
      const first = await startApi({ seed: 1, snapshotPath });
      const disputes = await first.call("GET", "/disputes?per_page=100&page=2");
      const kyc = await first.call("GET", "/kyc/documents?per_page=1");
      const sso = await first.call("POST", "/clients/ssos", {
        FirstName: "Sn",
        LastName: "Ap",
        Email: "snap@demo-marketplace.test",
        PermissionGroupId: "READ",
      });
      const dispute = list(disputes.body)[0];
      const payin = await first.call("GET", `/payins/${str(dispute.InitialTransactionId)}`);
      const txsBefore = await first.call("GET", `/disputes/${str(dispute.Id)}/transactions`);
      await first.emu.close();

      const second = await startApi({ seed: 1, snapshotPath });
      try {
        expect((await second.call("GET", "/disputes?per_page=100&page=2")).body).toEqual(disputes.body);
        expect((await second.call("GET", "/kyc/documents?per_page=1")).headers.get("x-number-of-items")).toBe(
          kyc.headers.get("x-number-of-items"),
        );
        expect((await second.call("GET", `/clients/ssos/${str(sso.body.Id)}`)).body.Email).toBe(
          "snap@demo-marketplace.test",
        );
        const byUser = await second.call("GET", `/users/${str(payin.body.AuthorId)}/disputes`);
        expect(list(byUser.body).map((d) => d.Id)).toContain(dispute.Id);
        expect((await second.call("GET", `/disputes/${str(dispute.Id)}/transactions`)).body).toEqual(txsBefore.body);
      } finally {
        await second.emu.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
