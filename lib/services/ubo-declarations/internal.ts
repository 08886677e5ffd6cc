import "server-only";
import { ubo, type MangopayClient } from "@/lib/mangopay";
import { NotFoundError, PreconditionError } from "@/lib/server/errors";
import { callMangopay } from "@/lib/services/upstream";
import { toUboDeclarationDTO, type UboDeclarationDTO } from "./dto";

/** The user's declaration while it can still change (CREATED or INCOMPLETE); another user's looks missing. */
export async function editableDeclaration(
  client: MangopayClient,
  userId: string,
  declarationId: string,
): Promise<UboDeclarationDTO> {
  const d = toUboDeclarationDTO(await callMangopay(() => ubo.getDeclaration(client, declarationId)));
  if (d.userId !== userId) throw new NotFoundError("UBO declaration not found");
  if (d.status !== "CREATED" && d.status !== "INCOMPLETE")
    throw new PreconditionError("This declaration is under review or closed; it can no longer change.");
  return d;
}
