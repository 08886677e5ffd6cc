// UBO declarations of legal users (docs/mangopay-api.md §3.14, §6): CREATED → VALIDATION_ASKED → VALIDATED |
// REFUSED | INCOMPLETE (editable and resubmittable). Sandbox: the first UBO's FirstName
// AcceptUBO / RefuseUBO / IncompleteUBO decides; otherwise a control call does.
import { BodyReader } from "../core/body";
import type { Emulator } from "../core/emulator";
import { invalidAction, notFound, paramError } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { Birthplace, Ubo, UboDeclaration, UboReason } from "../store/compliance-types";
import { refreshKycLevel } from "./kyc-level";
import { getUser } from "./lookups";

const MAX_ACTIVE_UBOS = 4;
const EDITABLE: ReadonlyArray<UboDeclaration["Status"]> = ["CREATED", "INCOMPLETE"];

export type UboOutcome =
  { status: "VALIDATED" } | { status: "REFUSED" | "INCOMPLETE"; reason: UboReason; message?: string | null };

export function getUboDeclaration(store: ClientStore, id: string, userId?: string): UboDeclaration {
  const decl = store.uboDeclarations.get(id);
  if (!decl || (userId !== undefined && decl.UserId !== userId)) throw notFound("UboDeclaration", id);
  return decl;
}

export function createUboDeclaration(emu: Emulator, store: ClientStore, userId: string, now: number): UboDeclaration {
  const user = getUser(store, userId);
  if (user.PersonType !== "LEGAL")
    throw paramError({ UserId: "UBO declarations can only be created for legal users." });
  const state = store;
  const open = state.idx.uboByUser.get(userId).some((id) => {
    const s = state.uboDeclarations.get(id)?.Status;
    return s === "CREATED" || s === "VALIDATION_ASKED" || s === "INCOMPLETE";
  });
  if (open) throw invalidAction("A UBO declaration is already in progress for this user");
  const decl: UboDeclaration = {
    Id: store.nextId(),
    Tag: null,
    UserId: userId,
    CreationDate: now,
    ProcessedDate: null,
    Status: "CREATED",
    Reason: null,
    Message: null,
    Ubos: [],
  };
  store.addUboDeclaration(decl);
  emu.events.emit(store, "UBO_DECLARATION_CREATED", decl.Id, now);
  return decl;
}

function readBirthplace(r: BodyReader, required: boolean): Birthplace | null {
  const v = r.body.Birthplace;
  if (v === undefined || v === null) {
    if (required) r.fail("Birthplace", "The Birthplace field is required.");
    return null;
  }
  if (typeof v !== "object" || Array.isArray(v)) {
    r.fail("Birthplace", "The Birthplace field must be an object with City and Country.");
    return null;
  }
  const b = v as Record<string, unknown>;
  const city = typeof b.City === "string" && b.City !== "" ? b.City : null;
  const country = typeof b.Country === "string" && /^[A-Z]{2}$/.test(b.Country) ? b.Country : null;
  if (required && !city) r.fail("Birthplace.City", "The Birthplace.City field is required.");
  if (required && !country)
    r.fail("Birthplace.Country", "The Birthplace.Country field is required (ISO 3166-1 alpha-2).");
  return { City: city, Country: country };
}

/** Reads a UBO body; `current` set = update (only what is sent). The SDK typings spell `isActive`. */
function readUbo(body: Record<string, unknown>, current?: Ubo): Partial<Ubo> {
  const creating = current === undefined;
  const r = new BodyReader(body);
  const out: Partial<Ubo> = {};
  const first = r.string("FirstName", { required: creating, max: 100 });
  const last = r.string("LastName", { required: creating, max: 100 });
  const birthday = r.int("Birthday", { required: creating });
  const nationality = r.country("Nationality", { required: creating });
  const address = r.address("Address", { required: creating });
  const birthplace = readBirthplace(r, creating);
  const activeRaw = body.IsActive ?? body.isActive;
  if (activeRaw !== undefined && activeRaw !== null && typeof activeRaw !== "boolean")
    r.fail("IsActive", "The field IsActive must be a boolean.");
  const active = typeof activeRaw === "boolean" ? activeRaw : null;
  r.done();
  if (first !== null) out.FirstName = first;
  if (last !== null) out.LastName = last;
  if (birthday !== null) out.Birthday = birthday;
  if (nationality !== null) out.Nationality = nationality;
  if (address !== null) out.Address = address;
  if (birthplace !== null) out.Birthplace = birthplace;
  if (active !== null) out.IsActive = active;
  return out;
}

function assertEditable(decl: UboDeclaration): void {
  if (!EDITABLE.includes(decl.Status))
    throw invalidAction(`The UBO declaration cannot be edited: its Status is ${decl.Status}`);
}

export function addUbo(store: ClientStore, decl: UboDeclaration, body: Record<string, unknown>, now: number): Ubo {
  assertEditable(decl);
  if (decl.Ubos.filter((u) => u.IsActive).length >= MAX_ACTIVE_UBOS) {
    throw invalidAction(`A UBO declaration cannot have more than ${MAX_ACTIVE_UBOS} active UBOs`);
  }
  const fields = readUbo(body);
  const ubo: Ubo = {
    Id: store.nextId(),
    CreationDate: now,
    FirstName: "",
    LastName: "",
    Birthday: null,
    Nationality: null,
    Address: null,
    Birthplace: null,
    IsActive: true,
    ...fields,
  };
  decl.Ubos.push(ubo);
  return ubo;
}

export function getUbo(decl: UboDeclaration, uboId: string): Ubo {
  const ubo = decl.Ubos.find((u) => u.Id === uboId);
  if (!ubo) throw notFound("Ubo", uboId);
  return ubo;
}

export function updateUbo(decl: UboDeclaration, ubo: Ubo, body: Record<string, unknown>): Ubo {
  assertEditable(decl);
  return Object.assign(ubo, readUbo(body, ubo));
}

export function sandboxUboOutcome(decl: UboDeclaration): UboOutcome | null {
  const first = decl.Ubos[0]?.FirstName.trim().toLowerCase();
  if (first === "acceptubo") return { status: "VALIDATED" };
  if (first === "refuseubo") return { status: "REFUSED", reason: "DECLARATION_DO_NOT_MATCH_UBO_INFORMATION" };
  if (first === "incompleteubo") return { status: "INCOMPLETE", reason: "MISSING_UBO" };
  return null;
}

export function submitUboDeclaration(
  emu: Emulator,
  store: ClientStore,
  decl: UboDeclaration,
  now: number,
): UboDeclaration {
  if (!EDITABLE.includes(decl.Status))
    throw invalidAction(`The UBO declaration cannot be submitted: its Status is ${decl.Status}`);
  decl.Status = "VALIDATION_ASKED";
  decl.Reason = null;
  decl.Message = null;
  emu.events.emit(store, "UBO_DECLARATION_VALIDATION_ASKED", decl.Id, now);
  const outcome = sandboxUboOutcome(decl);
  const delay = emu.options.delays.uboMs;
  if (outcome && delay !== null) {
    emu.scheduler.schedule(delay, () => {
      if (decl.Status === "VALIDATION_ASKED") decideUbo(emu, store, decl, outcome, emu.clock.now());
    });
  }
  return decl;
}

export function decideUbo(
  emu: Emulator,
  store: ClientStore,
  decl: UboDeclaration,
  outcome: UboOutcome,
  now: number,
): UboDeclaration {
  if (decl.Status !== "VALIDATION_ASKED") {
    throw invalidAction(`Only a VALIDATION_ASKED declaration can be processed (it is ${decl.Status})`);
  }
  decl.Status = outcome.status;
  decl.ProcessedDate = now;
  if (outcome.status === "VALIDATED") {
    emu.events.emit(store, "UBO_DECLARATION_VALIDATED", decl.Id, now);
    refreshKycLevel(emu, store, getUser(store, decl.UserId), now);
  } else {
    decl.Reason = outcome.reason;
    decl.Message = outcome.message ?? `Sandbox: ${outcome.status.toLowerCase()} (${outcome.reason})`;
    emu.events.emit(
      store,
      outcome.status === "REFUSED" ? "UBO_DECLARATION_REFUSED" : "UBO_DECLARATION_INCOMPLETE",
      decl.Id,
      now,
    );
  }
  return decl;
}
