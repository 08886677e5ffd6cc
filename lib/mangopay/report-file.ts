// A generated report's CSV, read from its DownloadURL (a presigned-style link MANGOPAY hands out: no
// auth header, never our tokens). The host goes through the same address policy as every API call,
// redirects are refused, and only the wait for the answer's headers is timed: the body is streamed.
import { guardFetch, type AddressPolicy } from "./address-policy";
import { NetworkError, TimeoutError, UpstreamError } from "./errors";

const SITE = { method: "GET", pathTemplate: "{DownloadURL}" };

export async function openReportFile(
  url: string,
  options: { addressPolicy: AddressPolicy; timeoutMs?: number; fetchImpl?: typeof fetch },
): Promise<ReadableStream<Uint8Array>> {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new UpstreamError({
      ...SITE,
      status: 0,
      type: null,
      message: "The report's download link is not a web address",
    });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await guardFetch(options.fetchImpl ?? fetch, options.addressPolicy)(parsed.href, {
      signal: controller.signal,
    });
  } catch (err) {
    if (controller.signal.aborted) throw new TimeoutError(SITE, timeoutMs, { cause: err });
    if (err instanceof Error && err.name === "AddressRefusedError") throw err;
    throw new NetworkError(SITE, { cause: err });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new UpstreamError({
      ...SITE,
      status: response.status,
      type: null,
      message:
        response.status === 404 || response.status === 403
          ? "The report's download link has expired; generate the report again."
          : `The report file could not be read (HTTP ${response.status}).`,
    });
  }
  return response.body;
}
