// The setup the official SDK's contract tests share (sdk*.test.ts): a private emulator with settlement
// delays off and one SDK instance on its first client. One SDK instance per file: the SDK keeps its
// config in global axios defaults, so two instances in one file would talk to the same emulator.
import Mangopay from "mangopay4-nodejs-sdk";
import type { EmulatorOptions } from "@/emulator/config";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { Api } from "./helpers";

// Each test makes real HTTP round trips; on a loaded 2-core machine 5 s per test is too tight.
jest.setTimeout(20_000);

/** The part of MANGOPAY's error body (which the SDK rejects with) that the tests read. */
export interface SdkError {
  Type: string;
  Message: string;
  errors: Record<string, string> | null;
}

export interface SdkEmulator {
  emu: RunningEmulator;
  api: Mangopay;
  clientId: string;
}

/** Starts the emulator (seed 1, no payout/direct-debit/mandate delays unless `opts` says) and the SDK on it. */
export async function startSdkEmulator(opts: EmulatorOptions = {}): Promise<SdkEmulator> {
  const emu = await startEmulator({
    port: 0,
    seed: 1,
    delays: { payoutMs: null, directDebitMs: null, mandateMs: null },
    ...opts,
  });
  const clients = (await (await fetch(`${emu.url}/_emulator/clients`)).json()) as Array<{
    ClientId: string;
    ApiKey: string;
  }>;
  const { ClientId: clientId, ApiKey: clientApiKey } = clients[0];
  const api = new Mangopay({ clientId, clientApiKey, baseUrl: emu.url, errorHandler: () => undefined });
  return { emu, api, clientId };
}

/** A natural OWNER created through the SDK (born 1975, French, terms accepted); its id. */
export async function createSdkOwner(
  api: Mangopay,
  name: { FirstName: string; LastName: string; Email: string },
): Promise<string> {
  const user = await api.Users.create({
    PersonType: "NATURAL",
    ...name,
    Birthday: 188352000,
    Nationality: "FR",
    CountryOfResidence: "FR",
    TermsAndConditionsAccepted: true,
    UserCategory: "OWNER",
  });
  return user.Id;
}

/** The SDK on an emulator already started with `startApi` (files that also call the API over plain HTTP). */
export function sdkFor(api: Api): Mangopay {
  return new Mangopay({
    clientId: api.clientId,
    clientApiKey: api.apiKey,
    baseUrl: api.emu.url,
    errorHandler: () => undefined,
  });
}

/** The event types MANGOPAY raised for one resource, oldest first, read through the SDK (the last 100 events). */
export async function sdkEventTypes(api: Mangopay, resourceId: string): Promise<string[]> {
  const events = await api.Events.getAll({ parameters: { per_page: 100, Sort: "Date:DESC" } });
  return events
    .filter((e) => e.ResourceId === resourceId)
    .map((e) => e.EventType as string)
    .reverse();
}
