// Fault injection and quota control (contract shared with the dashboard's client tests — keep stable):
// POST/GET/DELETE /faults, DELETE /faults/:id, POST /ratelimit { limits } | { reset: true }.
import type { Hono } from "hono";
import type { Emulator } from "../core/emulator";
import { FAULT_KINDS, type Fault, type FaultKind } from "../faults/fault-registry";
import { readJson } from "./read-json";

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
const STATUSES = [500, 502, 503] as const;

type FaultInput = Omit<Fault, "id" | "hits" | "createdAt">;

export function parseFault(body: Record<string, unknown>): { fault?: FaultInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = body.kind;
  if (typeof kind !== "string" || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    errors.kind = `kind must be one of ${FAULT_KINDS.join(", ")}`;
  }
  const route = body.route ?? "*";
  if (typeof route !== "string") errors.route = 'route must be a glob string such as "/users/*"';
  const method = body.method ?? null;
  if (method !== null && (typeof method !== "string" || !METHODS.includes(method.toUpperCase()))) {
    errors.method = `method must be one of ${METHODS.join(", ")}`;
  }
  const num = (name: string, fallback: number, ok: (n: number) => boolean, msg: string): number => {
    const v = body[name];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "number" || !ok(v)) errors[name] = msg;
    return typeof v === "number" ? v : fallback;
  };
  const latencyMs = num("latencyMs", 0, (n) => n >= 0 && n <= 600_000, "latencyMs must be between 0 and 600000");
  const jitterMs = num("jitterMs", 0, (n) => n >= 0 && n <= 600_000, "jitterMs must be between 0 and 600000");
  const status = num(
    "status",
    500,
    (n) => (STATUSES as readonly number[]).includes(n),
    "status must be 500, 502 or 503",
  );
  const rate = num("rate", 1, (n) => n >= 0 && n <= 1, "rate must be a probability between 0 and 1");
  const countRaw = body.count;
  if (
    countRaw !== undefined &&
    countRaw !== null &&
    (typeof countRaw !== "number" || !Number.isInteger(countRaw) || countRaw < 1)
  ) {
    errors.count = "count must be a positive integer";
  }
  if (kind === "latency" && latencyMs === 0 && jitterMs === 0)
    errors.latencyMs = "a latency fault needs latencyMs or jitterMs";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    fault: {
      route: route as string,
      method: method === null ? null : (method as string).toUpperCase(),
      kind: kind as FaultKind,
      latencyMs,
      jitterMs,
      status: status as 500 | 502 | 503,
      rate,
      count: typeof countRaw === "number" ? countRaw : null,
    },
  };
}

export function registerFaultControls(app: Hono, emu: Emulator): void {
  app.post("/faults", async (c) => {
    const body = await readJson(c.req.raw);
    if (!body) return c.json({ error: "param_error", errors: { body: "expected a JSON object" } }, 400);
    const { fault, errors } = parseFault(body);
    if (!fault) return c.json({ error: "param_error", errors }, 400);
    return c.json(emu.faults.add(fault), 201);
  });
  app.get("/faults", (c) => c.json(emu.faults.list()));
  app.delete("/faults", (c) => {
    emu.faults.clear();
    return c.json({ ok: true });
  });
  app.delete("/faults/:id", (c) =>
    emu.faults.remove(c.req.param("id")) ? c.json({ ok: true }) : c.json({ error: "not_found" }, 404),
  );

  app.post("/ratelimit", async (c) => {
    const body = await readJson(c.req.raw);
    if (!body) return c.json({ error: "param_error", errors: { body: "expected a JSON object" } }, 400);
    if (body.reset === true) {
      emu.rateLimiter.setLimits(emu.rateLimiter.getStartLimits());
      emu.rateLimiter.reset();
    }
    if (body.limits !== undefined) {
      const limits = body.limits;
      if (!Array.isArray(limits) || limits.length !== 4 || !limits.every((n) => Number.isInteger(n) && n >= 0)) {
        return c.json(
          {
            error: "param_error",
            errors: { limits: "limits must be 4 non-negative integers [15min, 30min, 60min, 24h]" },
          },
          400,
        );
      }
      emu.rateLimiter.setLimits(limits as number[]);
    }
    return c.json({ limits: emu.rateLimiter.getLimits() });
  });
  app.get("/ratelimit", (c) => c.json({ limits: emu.rateLimiter.getLimits() }));
}
