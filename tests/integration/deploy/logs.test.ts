/** @jest-environment node */
// Production logs: one JSON line per request and per error, with the request's id, member, API
// account, route, status and duration, and never a token, key or password, wherever it was sent.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { accountIdOfPath, loggablePath } from "@/lib/server/logger";

const ROOT = path.resolve(__dirname, "../../..");

describe("request and error log lines", () => {
  const token = randomBytes(32).toString("base64url");
  const apiKey = `sk-live-${randomBytes(12).toString("hex")}`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  let out = "";
  let lines: Array<Record<string, unknown>> = [];

  beforeAll(() => {
    const res = spawnSync(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [
        "--conditions=react-server",
        "--tsconfig",
        "tsconfig.json",
        "tests/integration/deploy/fixtures/request-log-run.ts",
        token,
        apiKey,
        password,
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, LOG_LEVEL: "info" } },
    );
    out = `${res.stdout}${res.stderr}`;
    lines = res.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }, 60_000);

  it("contains none of the token, API key, password, cookie or authorization header", () => {
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const secret of [
      token,
      apiKey,
      password,
      Buffer.from(`client:${apiKey}`).toString("base64"),
      "session-token",
      "Basic ",
    ]) {
      expect(out).not.toContain(secret);
    }
  });

  it("writes one line per request with its id, member, account, route, status and duration", () => {
    const requests = lines.filter((l) => l.msg === "request" || l.msg === "request failed");
    expect(requests.map((l) => [l.method, l.route, l.status, l.memberId, l.accountId])).toEqual([
      ["GET", "/invite/:token", 200, "member_1", null],
      ["GET", "/accounts/acc_123/users", 200, "member_1", "acc_123"],
      ["GET", "/boom/accounts/acc_9", 500, "member_1", null],
    ]);
    for (const l of requests) {
      expect(typeof l.durationMs).toBe("number");
      expect(l.level).toBe(l.status === 500 ? "error" : "info");
    }
    // A proxy's well-formed id is kept; a malformed one is replaced by a UUID.
    expect(requests[1]?.requestId).toBe("proxy-id-12345");
    expect(String(requests[2]?.requestId)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests[0]?.requestId).not.toBe(requests[2]?.requestId);
  });

  it("writes one error line per server error with the same request id and the id the error page shows", () => {
    const failed = lines.find((l) => l.msg === "request failed");
    const error = lines.find((l) => l.msg === "server error");
    expect(error).toMatchObject({
      level: "error",
      requestId: failed?.requestId,
      memberId: "member_1",
      route: "/accounts/[accountId]",
      digest: "123456",
      errorMessage: "database exploded",
    });
    expect(lines.find((l) => l.msg === "server action failed")).toMatchObject({
      requestId: failed?.requestId,
      errorId: "error-id-1",
      memberId: "member_1",
      errorMessage: "action exploded",
    });
  });
});

describe("loggable paths", () => {
  it("drops query strings and replaces invite and other long opaque tokens", () => {
    expect(loggablePath("/invite/abc?x=1")).toBe("/invite/:token");
    expect(loggablePath(`/reset/${"a".repeat(43)}/next#frag`)).toBe("/reset/:token/next");
    expect(loggablePath("/accounts/cmabc123def456ghi789jkl01/users?page=2")).toBe(
      "/accounts/cmabc123def456ghi789jkl01/users",
    );
    expect(accountIdOfPath("/accounts/cmabc123/users")).toBe("cmabc123");
    expect(accountIdOfPath("/hub/accounts/new")).toBeNull();
  });
});
