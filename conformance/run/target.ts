// The server under test, as every request of a run reaches it: its URL per operation (the rule of lib/servers.ts,
// read from the contract), the vendor's secrets, and the one redactor that blanks them in whatever a run keeps.
import type { Contract } from '../../lib/contract.ts';
import type { Secrets } from '../../lib/credentials.ts';
import { operationServerUrl } from '../../lib/servers.ts';
import { redactorFor, type TargetRedactor } from './secrets.ts';

export interface Target {
  /** The server URL as in the document's `servers`, without the operation path. */
  baseUrl: string;
  /** Credential values by key (lib/credentials.ts): `{ token, channelKey }`. */
  secrets: Secrets;
  /** Blanks every secret, and the near-misses of one the cases send: made once for the run. */
  redact: TargetRedactor;
  /** One deadline per request: connect, headers and the whole body. */
  timeoutMs: number;
  /** The base URL of an operation: the one given, or its own servers' (`/v1/api_auth`). */
  baseUrlFor(operationId: string): string;
}

/** What a caller says of the server: the rest of a Target is read from the contract. */
export type TargetSettings = Pick<Target, 'baseUrl' | 'secrets' | 'timeoutMs'>;

/** The target, its redactor the one given (the CLI makes it before the options are read) or else a new one. */
export function targetFor(
  contract: Contract,
  settings: TargetSettings,
  redact: TargetRedactor = redactorFor(settings.secrets),
): Target {
  return { ...settings, redact, baseUrlFor: baseUrlFor(contract, settings.baseUrl) };
}

export function baseUrlFor(contract: Contract, baseUrl: string): (operationId: string) => string {
  const documentPrefixes = contract.servers.map((s) => s.pathPrefix);
  return (operationId) => {
    const operation = contract.operations.find((op) => op.operationId === operationId);
    return operationServerUrl(baseUrl, documentPrefixes, operation?.servers.map((s) => s.pathPrefix) ?? []);
  };
}
