// Sends one request to the server under test and reads its answer within limits: a byte cap on the body after
// decompression and one deadline for connect, headers and the whole body. The server is the vendor's, under
// development, possibly hostile: whatever it does, this module answers with data or a failure and never throws.
//
// Why fetch (undici) and not node:http + node:zlib: the runner already speaks fetch, so status, header joining and
// redirect handling stay as they are; undici decodes gzip, deflate and br itself, refuses more than 5 stacked
// codings, and caps response headers at http.maxHeaderSize (16 KiB). What it does not do is stop reading, so the
// body is pulled here chunk by chunk from the decoded stream: counting those bytes caps the decompressed size, and
// cancelling the reader (plus aborting the request) drops the socket as soon as the cap is passed, so a 1 GiB body
// or a gzip bomb costs at most one cap of memory. The zlib streams in between are backpressured: they inflate only
// as fast as this loop reads.

/** How much of an answer is read and for how long. */
export interface Limits {
  /** Body bytes kept, counted after decompression; the first byte over it ends the read. */
  maxBodyBytes: number;
  /** One deadline for connecting, the headers and the whole body. */
  timeoutMs: number;
}

/**
 * 1 MiB: the contract's answers are small JSON documents (orders, error lists of a few KiB), so this is generous by
 * two orders of magnitude, yet it keeps JSON.parse, schema validation and the reports of one case well under
 * 100 MB. 10 s: the CLI's default `--timeout`.
 */
export const DEFAULT_LIMITS: Limits = { maxBodyBytes: 1024 * 1024, timeoutMs: 10_000 };

/** What is sent: the exact bytes of the body, already serialised; no body for GET and HEAD. */
export interface OutgoingRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string;
}

/** An answer, read within the limits. Redirects are answers too: they are never followed. */
export interface BoundedAnswer {
  status: number;
  /** Lower-case names; repeated headers joined with `, ` (Set-Cookie included). Values are the server's: untrusted. */
  headers: Record<string, string>;
  /** At most `maxBodyBytes`, after decompression; exactly that many when truncated. */
  bodyBytes: Buffer;
  /** The body went on past `maxBodyBytes`; only its start was read. A check must say so and fail. */
  bodyTruncated: boolean;
  /** The Content-Encoding the body was decoded from (`gzip`, `br`, …), when it was. */
  decodedFrom?: string;
  ms: number;
}

/** No usable answer: refused, reset, cut short, too slow, not HTTP. `failure` is a sentence for the report. */
export interface NoAnswer {
  failure: string;
  ms: number;
}

/** The codings undici decodes; one it does not know leaves the whole body as sent. */
const DECODED_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Sends `request` to `url` and reads the answer within `limits`. Never throws and never follows a redirect.
 * Over `maxBodyBytes` it is still an answer, with `bodyTruncated: true` and the first `maxBodyBytes` bytes.
 */
export async function exchange(
  url: string,
  request: OutgoingRequest,
  limits: Limits = DEFAULT_LIMITS,
): Promise<BoundedAnswer | NoAnswer> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  let status: number | undefined;
  let received = 0;
  let declaredLength: string | undefined;
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: ['GET', 'HEAD'].includes(request.method.toUpperCase()) ? undefined : request.body,
      redirect: 'manual',
      signal: controller.signal,
    });
    status = response.status;
    declaredLength = response.headers.get('content-length') ?? undefined;
    const chunks: Buffer[] = [];
    let bodyTruncated = false;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = limits.maxBodyBytes - received;
      if (value.byteLength > room) {
        chunks.push(Buffer.from(value.buffer, value.byteOffset, room));
        received += room;
        bodyTruncated = true;
        // Both: cancel stops the decoders, abort makes sure the socket goes too instead of being drained.
        reader.cancel().catch(() => {});
        controller.abort();
        break;
      }
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      received += value.byteLength;
    }
    const decodedFrom = decodedEncoding(request.method, response.status, response.headers.get('content-encoding'));
    return {
      status: response.status,
      headers: joinedHeaders(response.headers),
      bodyBytes: Buffer.concat(chunks, received),
      bodyTruncated,
      ...(decodedFrom ? { decodedFrom } : {}),
      ms: ms(),
    };
  } catch (error) {
    return { failure: describeFailure(error, { timedOut, limits, status, received, declaredLength }), ms: ms() };
  } finally {
    clearTimeout(deadline);
  }
}

/** Tells an answer from a failure. */
export function isAnswer(outcome: BoundedAnswer | NoAnswer): outcome is BoundedAnswer {
  return !('failure' in outcome);
}

/** The body as text: UTF-8, with every invalid byte (or a character cut by the cap) as U+FFFD. */
export function bodyText(answer: BoundedAnswer): string {
  return answer.bodyBytes.toString('utf8');
}

/**
 * Why a truncated body cannot be graded, for the failed check that must say so; undefined when it was whole. A
 * truncated body holds exactly the cap, so the answer alone says what the cap was.
 */
export function truncationNote(answer: BoundedAnswer): string | undefined {
  if (!answer.bodyTruncated) return undefined;
  const cap = answer.bodyBytes.length;
  const decoded = answer.decodedFrom ? ` after ${answer.decodedFrom} decompression` : '';
  return `body over ${cap} bytes${decoded}; only the first ${cap} were read`;
}

function joinedHeaders(headers: Headers): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, value] of headers) joined[name] = name in joined ? `${joined[name]}, ${value}` : value;
  return joined;
}

/** Mirrors undici's own rule for when it decodes, so the report can say what the cap was counted on. */
function decodedEncoding(method: string, status: number, contentEncoding: string | null): string | undefined {
  if (!contentEncoding || method.toUpperCase() === 'HEAD' || NULL_BODY_STATUSES.has(status)) return undefined;
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter(Boolean);
  return codings.length > 0 && codings.every((coding) => DECODED_CODINGS.has(coding)) ? codings.join(', ') : undefined;
}

interface FailureContext {
  timedOut: boolean;
  limits: Limits;
  status: number | undefined;
  received: number;
  declaredLength: string | undefined;
}

/** Our own words where we know the cause, so that little of the server's text ends up in the sentence. */
function describeFailure(error: unknown, context: FailureContext): string {
  const { timedOut, limits, status, received, declaredLength } = context;
  const during = status === undefined ? '' : ` (status ${status}, ${received} body bytes read)`;
  if (timedOut)
    return status === undefined
      ? `no answer within ${limits.timeoutMs} ms`
      : `the answer did not finish within ${limits.timeoutMs} ms${during}`;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return `connection reset by the server${during}`;
  // zlib and brotli errors also surface as 'terminated', so they are told apart first.
  if (code?.startsWith('Z_') || code?.startsWith('ERR__') || code?.startsWith('ERR_BROTLI'))
    return `the body could not be decompressed${during}: ${cause?.message ?? code}`;
  if (code === 'UND_ERR_SOCKET' || (error instanceof Error && error.message === 'terminated')) {
    if (status === undefined) return 'the server closed the connection without answering';
    const of = declaredLength === undefined ? '' : ` of the ${declaredLength} its Content-Length announced`;
    return `the server closed the connection before the body was complete (status ${status}, ${received} bytes${of})`;
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return 'not a valid HTTP answer: headers over 16 KiB';
  if (code?.startsWith('HPE_')) return `not a valid HTTP answer: ${cause?.message ?? code}`;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `no usable answer${during}: ${message}`;
}
