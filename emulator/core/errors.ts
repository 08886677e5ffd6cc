// MANGOPAY's error object (docs/mangopay-api.md §2.5). Handlers throw ApiError; the pipeline renders it.
import { randomUUID } from "node:crypto";

export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  Message: string;
  Type: string;
  /** Absent on the 401 body, which MANGOPAY documents as {Message, Type, Date}. */
  Id?: string;
  Date: number;
  errors?: FieldErrors | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly errors: FieldErrors | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(nowSeconds: number): ErrorBody {
    // The documented 401 body has no Id and no errors: {"Message","Type":"invalid_credentials","Date"}.
    if (this.status === 401) return { Message: this.message, Type: this.type, Date: nowSeconds };
    return { Message: this.message, Type: this.type, Id: randomUUID(), Date: nowSeconds, errors: this.errors };
  }
}

const PARAM_MESSAGE =
  "One or several required parameters are missing or incorrect. An incorrect resource ID also raises this kind of error.";

export function paramError(errors: FieldErrors): ApiError {
  return new ApiError(400, "param_error", PARAM_MESSAGE, errors);
}

/** The real API's spelling ("ressource", "Cannot found") is kept on purpose: clients match on it. */
export function notFound(resource: string, id: string): ApiError {
  return new ApiError(404, "ressource_not_found", "The ressource does not exist", {
    RessourceNotFound: `Cannot found the ressource ${resource} with the id=${id} `,
  });
}

export function invalidCredentials(): ApiError {
  return new ApiError(401, "invalid_credentials", "The authorization credentials are not valid");
}

export function rateLimitError(): ApiError {
  return new ApiError(429, "rate_limit", "Rate limit exceeded. Please contact support for more assistance");
}

export function invalidAction(message: string, type = "invalid_action"): ApiError {
  return new ApiError(400, type, message);
}

export function forbidden(message: string, type = "forbidden_ressource"): ApiError {
  return new ApiError(403, type, message);
}
