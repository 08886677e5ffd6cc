export type ApiAccountDTO = {
  id: string;
  name: string;
  environment: "SANDBOX" | "PRODUCTION";
  clientId: string;
  baseUrl: string;
  apiKeyLast4: string;
  keyRotatedAt: Date;
  createdAt: Date;
};

/** The audit snapshot of an account: never the key, only its last four characters (as keyLast4). */
export function auditSnapshot(a: Pick<ApiAccountDTO, "name" | "environment" | "clientId" | "baseUrl" | "apiKeyLast4">) {
  return {
    name: a.name,
    environment: a.environment,
    clientId: a.clientId,
    baseUrl: a.baseUrl,
    keyLast4: a.apiKeyLast4,
  };
}
