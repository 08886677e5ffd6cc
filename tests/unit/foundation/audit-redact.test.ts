/** @jest-environment node */
import { redact } from "@/lib/server/audit";

describe("audit snapshots", () => {
  it("drops secret-looking fields at any depth and keeps the rest", () => {
    const out = redact({
      name: "Main",
      apiKey: "sk_123",
      apiKeyEnc: "v1.x.y.z",
      nested: { passwordHash: "h", tokenHash: "t", clientId: "demo" },
      list: [{ secret: "s", ok: 1 }],
      at: new Date("2026-01-02T03:04:05Z"),
    });
    expect(out).toEqual({
      name: "Main",
      nested: { clientId: "demo" },
      list: [{ ok: 1 }],
      at: "2026-01-02T03:04:05.000Z",
    });
    expect(JSON.stringify(out)).not.toMatch(/sk_123|v1\.x/);
  });
});
