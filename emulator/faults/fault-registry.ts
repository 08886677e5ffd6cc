// Runtime fault injection, matched per route glob and method. Off until a fault is added.
import { randomUUID } from "node:crypto";

export const FAULT_KINDS = ["latency", "error", "rate_limit", "timeout", "drop"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: string;
  route: string;
  method: string | null;
  kind: FaultKind;
  latencyMs: number;
  jitterMs: number;
  status: 500 | 502 | 503;
  rate: number;
  count: number | null;
  hits: number;
  createdAt: number;
}

export interface FaultDecision {
  delayMs: number;
  /** The fault that decides the outcome (error, rate_limit, timeout or drop), if any fired. */
  terminal: Fault | null;
}

interface CompiledFault {
  fault: Fault;
  pattern: RegExp;
}

export class FaultRegistry {
  private readonly faults: CompiledFault[] = [];

  get size(): number {
    return this.faults.length;
  }

  add(input: Omit<Fault, "id" | "hits" | "createdAt">): Fault {
    const fault: Fault = { ...input, id: randomUUID(), hits: 0, createdAt: Math.floor(Date.now() / 1000) };
    this.faults.push({ fault, pattern: globToRegExp(fault.route) });
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => f.fault);
  }

  remove(id: string): boolean {
    const i = this.faults.findIndex((f) => f.fault.id === id);
    if (i < 0) return false;
    this.faults.splice(i, 1);
    return true;
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Decides which faults fire for one request; consumes `count` of the ones that do. */
  decide(path: string, method: string, random: () => number = Math.random): FaultDecision {
    const decision: FaultDecision = { delayMs: 0, terminal: null };
    if (this.faults.length === 0) return decision;
    const normalised = normalisePath(path);
    for (const entry of [...this.faults]) {
      const { fault } = entry;
      if (fault.method && fault.method !== method) continue;
      if (!entry.pattern.test(normalised)) continue;
      if (fault.kind !== "latency" && decision.terminal) continue;
      if (fault.rate < 1 && random() >= fault.rate) continue;
      fault.hits += 1;
      if (fault.count !== null) {
        fault.count -= 1;
        if (fault.count <= 0) this.remove(fault.id);
      }
      if (fault.kind === "latency") {
        decision.delayMs += fault.latencyMs + Math.floor(random() * fault.jitterMs);
      } else {
        decision.terminal = fault;
      }
    }
    return decision;
  }
}

function normalisePath(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith("/") ? lower.slice(0, -1) : lower;
}

/** `*` matches any run of characters, '/' included, so "/users/*" covers "/users/1/wallets" too. */
function globToRegExp(glob: string): RegExp {
  const g = normalisePath(glob.trim() || "*");
  if (g === "*") return /^.*$/;
  const body = g
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body.startsWith("/") ? "" : "/"}${body}$`);
}
