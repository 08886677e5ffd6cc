// Card registrations and cards (docs/mangopay-api.md §3.6): registration → tokenizer → PUT RegistrationData → Card.
import { createHash, randomBytes } from "node:crypto";
import { BodyReader, CURRENCIES } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { ApiError, notFound } from "../core/errors";
import { listResult, resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { getCard, getUser } from "../domain/lookups";
import { cardProvider, resultOf } from "../domain/test-cards";
import type { ResultKey } from "../domain/result-codes";
import type { ClientStore } from "../store/client-store";
import type { Card, CardRegistration } from "../store/types";
import { TOKENIZER_ERRORS } from "../pages/tokenizer";
import { FINGERPRINT_TX_FILTERS, txList } from "./tx-lists";

const CARD_TYPES = ["CB_VISA_MASTERCARD", "AMEX", "MAESTRO", "BCMC", "DINERS", "P24", "IDEAL", "MASTERPASS"] as const;

const TOKENIZER_RESULT: Record<string, ResultKey> = {
  [TOKENIZER_ERRORS.INVALID_CARD_NUMBER]: "CARD_NUMBER_INVALID",
  [TOKENIZER_ERRORS.INVALID_EXPIRY]: "CARD_EXPIRY_INVALID",
  [TOKENIZER_ERRORS.INVALID_CVV]: "CARD_CVV_INVALID",
};

function registrationOf(ctx: ApiContext): CardRegistration {
  const reg = ctx.store.cardRegistrations.get(ctx.params.id);
  if (!reg) throw notFound("CardRegistration", ctx.params.id);
  return reg;
}

export function tokenizerUrl(origin: string, store: ClientStore, registrationId: string): string {
  return `${origin}/tokenizer/${encodeURIComponent(store.info.ClientId)}/${registrationId}`;
}

/** Builds the Card from a PAN, as the tokenizer + PUT would (also used by the seed). */
export function cardFromPan(
  store: ClientStore,
  userId: string,
  pan: string,
  expiry: string,
  currency: string,
  cardType: string,
  now: number,
  holder: string | null,
): Card {
  const card: Card = {
    Id: store.nextId(),
    Tag: null,
    CreationDate: now,
    UserId: userId,
    ExpirationDate: expiry,
    Alias: `${pan.slice(0, 6)}XXXXXX${pan.slice(-4)}`,
    CardType: cardType,
    CardProvider: cardProvider(pan),
    Country: "FRA",
    Product: "I",
    BankCode: "00152",
    Active: true,
    Currency: currency,
    Validity: "UNKNOWN",
    Fingerprint: createHash("sha256").update(pan).digest("hex").slice(0, 32),
    CardHolderName: holder,
  };
  store.addCard(card);
  store.cardNumbers.set(card.Id, pan);
  return card;
}

function completeRegistration(ctx: ApiContext, reg: CardRegistration): CardRegistration {
  const b = new BodyReader(ctx.body);
  const data = b.string("RegistrationData", { required: true, max: 4096 });
  const holder = b.string("CardHolderName");
  b.done();
  if (reg.Status !== "CREATED")
    throw new ApiError(400, "invalid_action", `The card registration is already ${reg.Status}`);
  reg.RegistrationData = data;
  const error = /^errorCode=(\d+)/.exec(data ?? "");
  const token = /^data=(.+)$/.exec(data ?? "")?.[1];
  const tokenized = token ? ctx.store.tokenizations.get(token) : undefined;
  if (error || !tokenized || tokenized.registrationId !== reg.Id) {
    const key = (error && TOKENIZER_RESULT[error[1]]) || "TOKEN_INVALID";
    Object.assign(reg, { Status: "ERROR" }, resultOf(key));
    return reg;
  }
  if (token) ctx.store.tokenizations.delete(token);
  const card = cardFromPan(
    ctx.store,
    reg.UserId,
    tokenized.cardNumber,
    tokenized.expirationDate,
    reg.Currency,
    reg.CardType,
    ctx.now,
    holder,
  );
  Object.assign(reg, { Status: "VALIDATED", CardId: card.Id }, resultOf("SUCCESS"));
  return reg;
}

export function registerCardRoutes(r: ApiRouter): void {
  r.post("/cardregistrations", (ctx) => {
    const b = new BodyReader(ctx.body);
    const userId = b.string("UserId", { required: true });
    const currency = b.enumOf("Currency", CURRENCIES, { required: true });
    const cardType = b.enumOf("CardType", CARD_TYPES) ?? "CB_VISA_MASTERCARD";
    const tag = b.tag();
    b.done();
    getUser(ctx.store, userId as string);
    const id = ctx.store.nextId();
    const reg: CardRegistration = {
      Id: id,
      Tag: tag,
      CreationDate: ctx.now,
      UserId: userId as string,
      AccessKey: randomBytes(10).toString("base64url"),
      PreregistrationData: randomBytes(48).toString("base64url"),
      RegistrationData: null,
      CardId: null,
      CardType: cardType,
      CardRegistrationURL: tokenizerUrl(ctx.origin, ctx.store, id),
      ResultCode: null,
      ResultMessage: null,
      Currency: currency as string,
      Status: "CREATED",
    };
    ctx.store.cardRegistrations.set(id, reg);
    return ok(reg);
  });
  r.get("/cardregistrations/:id", (ctx) => ok(registrationOf(ctx)));
  r.put("/cardregistrations/:id", (ctx) => ok(completeRegistration(ctx, registrationOf(ctx))));

  r.get("/cards/:cardId", (ctx) => ok(getCard(ctx.store, ctx.params.cardId)));
  r.put("/cards/:cardId", (ctx) => {
    const card = getCard(ctx.store, ctx.params.cardId);
    const b = new BodyReader(ctx.body);
    const active = b.bool("Active");
    const holder = b.string("CardHolderName");
    const tag = b.tag();
    b.done();
    if (active === true && !card.Active)
      throw new ApiError(400, "invalid_action", "A deactivated card cannot be reactivated");
    if (active === false) card.Active = false;
    if (b.has("CardHolderName")) card.CardHolderName = holder;
    if (b.has("Tag")) card.Tag = tag;
    return ok(card);
  });
  r.get("/users/:userId/cards", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    return listResult(ctx, resolveIds(ctx.store.idx.cardsByUser.get(ctx.params.userId), ctx.store.cards), {
      boolFilters: ["Active"],
    });
  });
  r.get("/cards/:cardId/transactions", (ctx) => {
    getCard(ctx.store, ctx.params.cardId);
    return txList(ctx, ctx.store.idx.txByCard.get(ctx.params.cardId));
  });
  r.get("/cards/:cardId/preauthorizations", (ctx) => {
    getCard(ctx.store, ctx.params.cardId);
    return listResult(
      ctx,
      resolveIds(ctx.store.idx.preauthsByCard.get(ctx.params.cardId), ctx.store.preauthorizations),
      {
        filters: ["Status", "PaymentStatus", "ResultCode"],
      },
    );
  });
  r.get("/cards/fingerprints/:fingerprint", (ctx) =>
    listResult(
      ctx,
      [...ctx.store.cards.values()].filter((c) => c.Fingerprint === ctx.params.fingerprint),
    ),
  );
  r.get("/cards/fingerprints/:fingerprint/transactions", (ctx) => {
    const ids = [...ctx.store.cards.values()]
      .filter((c) => c.Fingerprint === ctx.params.fingerprint)
      .flatMap((c) => ctx.store.idx.txByCard.get(c.Id));
    return txList(ctx, ids, FINGERPRINT_TX_FILTERS);
  });
}
