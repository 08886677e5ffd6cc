// PayPal data collection: before a PayPal pay-in the platform submits the payer's risk data (flat snake_case
// strings, PayPal's STC fields); the answer is a `dataCollectionId` that pay-ins may carry as DataCollectionId.
// The emulator stores the fields as sent and reads them back; nothing else uses them.
import { ApiError } from "../core/errors";
import type { ClientStore } from "../store/client-store";
import type { PayPalDataCollection } from "../store/types";

/** The fields MANGOPAY documents for a data collection (as the SDK's own tests send them). */
export const DATA_COLLECTION_FIELDS = [
  "sender_account_id",
  "sender_first_name",
  "sender_last_name",
  "sender_email",
  "sender_phone",
  "sender_address_zip",
  "sender_country_code",
  "sender_create_date",
  "sender_signup_ip",
  "sender_popularity_score",
  "receiver_account_id",
  "receiver_create_date",
  "receiver_email",
  "receiver_address_country_code",
  "business_name",
  "recipient_popularity_score",
  "first_interaction_date",
  "txn_count_total",
  "vertical",
  "transaction_is_tangible",
] as const;

const KNOWN = new Set<string>(DATA_COLLECTION_FIELDS);

export function createDataCollection(store: ClientStore, body: Record<string, unknown>): PayPalDataCollection {
  const errors: Record<string, string> = {};
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!KNOWN.has(key)) errors[key] = `Unknown field ${key}.`;
    else if (typeof value !== "string") errors[key] = `The field ${key} must be a string.`;
    else fields[key] = value;
  }
  if (Object.keys(fields).length === 0 && Object.keys(errors).length === 0)
    errors.body = "At least one data collection field is required.";
  if (Object.keys(errors).length > 0)
    throw new ApiError(400, "param_error", "One or several required parameters are missing or incorrect.", errors);
  // A UUID-shaped id derived from the client's sequence (deterministic, like every emulator id).
  const seq = store.nextId().padStart(12, "0");
  const collection: PayPalDataCollection = { dataCollectionId: `00000000-0000-4000-8000-${seq}`, ...fields };
  store.paypalDataCollections.set(collection.dataCollectionId, collection);
  return collection;
}

export function getDataCollection(store: ClientStore, id: string): PayPalDataCollection {
  const collection = store.paypalDataCollections.get(id);
  if (!collection)
    throw new ApiError(404, "ressource_not_found", `Cannot found the ressource DataCollection with the id=${id}`);
  return collection;
}
