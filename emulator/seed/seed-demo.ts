// Deterministic demo data per client: people created over the last 90 days and a realistic
// history of money flows between them. Same seed → same ids, names, amounts and outcomes.
import type { Emulator } from "../core/emulator";
import { Random } from "../core/random";
import { sortEvents } from "../events/event-bus";
import type { ClientStore } from "../store/client-store";
import type { Hook } from "../store/types";
import { seedCompliance } from "./seed-compliance";
import { seedOperation, type FlowState } from "./seed-flows";
import { seedIntents } from "./seed-intents";
import { seedLifecycle } from "./seed-lifecycle";
import { seedPerson } from "./seed-people";
import { seedPaymentVariants } from "./seed-payment-variants";
import { seedPayments } from "./seed-payments";
import { seedSurface } from "./seed-surface";

const DAY = 86_400;
const SEED_DAYS = 90;

interface ClientPlan {
  users: number;
  opsPerDay: number;
}

function planFor(index: number, baseUsers: number): ClientPlan {
  return index === 0 ? { users: baseUsers, opsPerDay: 45 } : { users: Math.ceil(baseUsers / 2), opsPerDay: 20 };
}

export function seedDemo(emu: Emulator, seed: number): Record<string, number> {
  const now = emu.options.seedNow ?? Math.floor(emu.clock.now() / DAY) * DAY;
  const origin = `http://${emu.options.host}:${emu.options.port}`;
  const totals: Record<string, number> = {};
  emu.seeding = true;
  emu.events.muted = true;
  try {
    [...emu.clients.values()].forEach((store, index) => {
      const counts = seedClient(
        emu,
        store,
        new Random(seed * 1000 + index + 1),
        planFor(index, emu.options.seedUsers),
        now,
        origin,
      );
      Object.assign(counts, seedCompliance(emu, store, new Random(seed * 7919 + index), now, index, origin));
      Object.assign(counts, seedLifecycle(emu, store, now));
      Object.assign(counts, seedSurface(emu, store, now, origin));
      Object.assign(counts, seedPayments(emu, store, now, origin));
      Object.assign(counts, seedPaymentVariants(emu, store, now, origin));
      Object.assign(counts, seedIntents(emu, store, now, origin));
      sortEvents(store);
      for (const [k, v] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + v;
    });
  } finally {
    emu.seeding = false;
    emu.events.muted = false;
  }
  return totals;
}

function seedClient(
  emu: Emulator,
  store: ClientStore,
  rnd: Random,
  plan: ClientPlan,
  now: number,
  origin: string,
): Record<string, number> {
  const state: FlowState = { people: [], refundable: [], counts: {} };
  const start = now - SEED_DAYS * DAY;
  const firstDayUsers = Math.floor(plan.users * 0.4);
  const perDay = (plan.users - firstDayUsers) / SEED_DAYS;
  let created = 0;
  for (let day = 0; day < SEED_DAYS; day++) {
    const dayStart = start + day * DAY;
    const target = day === 0 ? firstDayUsers : Math.min(plan.users, Math.round(firstDayUsers + perDay * (day + 1)));
    const times = Array.from({ length: target - created + plan.opsPerDay }, () => dayStart + rnd.int(0, DAY - 1)).sort(
      (a, b) => a - b,
    );
    let t = 0;
    for (; created < target; created++) state.people.push(seedPerson(emu, store, rnd, times[t++], origin));
    const ops = day === 0 ? Math.floor(plan.opsPerDay / 3) : plan.opsPerDay + rnd.int(-5, 5);
    for (let i = 0; i < ops && t < times.length; i++) {
      const at = times[t++];
      seedOperation(emu, store, rnd, state, at, now - at, origin);
    }
  }
  seedHooks(store, rnd, start);
  sortEvents(store);
  return {
    users: store.users.size,
    wallets: store.wallets.size,
    cards: store.cards.size,
    bankAccounts: store.bankAccounts.size,
    mandates: store.mandates.size,
    transactions: store.transactions.size,
    events: store.events.length,
    ...state.counts,
  };
}

/** A few disabled hooks so the hooks page has content without sending anything anywhere. */
function seedHooks(store: ClientStore, rnd: Random, at: number): void {
  for (const eventType of ["KYC_SUCCEEDED", "KYC_FAILED", "DISPUTE_CREATED"]) {
    const hook: Hook = {
      Id: store.nextId(),
      Tag: "demo",
      CreationDate: at + rnd.int(0, DAY),
      EventType: eventType,
      Url: `https://hooks.example.com/mangopay/${eventType.toLowerCase()}`,
      Status: "DISABLED",
      Validity: "VALID",
    };
    store.addHook(hook);
  }
}
