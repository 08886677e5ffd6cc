import type { IdentityVerification } from "@/lib/mangopay/schemas/identity-verification";
import { iso } from "@/lib/services/mangopay/inputs";

export type IdentityCheckDTO = {
  id: string;
  type: string;
  status: string;
  /** `Type: Value` pairs as MANGOPAY sent them (document data, refusal reasons). */
  data: string[];
  reasons: string[];
};

/** An identity verification session: the user's ID document and selfie, checked on MANGOPAY's page. */
export type IdentityVerificationDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  updatedAt: string | null;
  userId: string;
  status: string;
  hostedUrl: string;
  returnUrl: string | null;
  checks: IdentityCheckDTO[];
};

const pairs = (list: { Type: string; Value?: string | null }[] | null | undefined): string[] =>
  (list ?? []).map((p) => (p.Value ? `${p.Type}: ${p.Value}` : p.Type));

export function toIdentityVerificationDTO(v: IdentityVerification): IdentityVerificationDTO {
  return {
    id: v.Id,
    tag: v.Tag ?? null,
    createdAt: v.CreationDate.toISOString(),
    updatedAt: iso(v.LastUpdate),
    userId: v.UserId,
    status: v.Status,
    hostedUrl: v.HostedUrl,
    returnUrl: v.ReturnUrl ?? null,
    checks: (v.Checks ?? []).map((c) => ({
      id: c.CheckId,
      type: c.Type,
      status: c.CheckStatus,
      data: pairs(c.Data),
      reasons: pairs(c.Reasons),
    })),
  };
}
