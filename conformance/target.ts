// Where each operation's requests go: the vendor gives the server URL of the document's servers; an operation
// with servers of its own (`/v1/api_auth` beside `/v1/manufacturer/v2/api`) is reached by putting its path
// prefix in place of the document's.
import type { Contract } from '../lib/contract.ts';

export function baseUrlFor(contract: Contract, baseUrl: string): (operationId: string) => string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const documentPrefix = contract.servers.map((s) => s.pathPrefix).find((prefix) => prefix && trimmed.endsWith(prefix));
  return (operationId) => {
    const operation = contract.operations.find((op) => op.operationId === operationId);
    const own = operation?.servers.map((s) => s.pathPrefix) ?? [];
    if (!documentPrefix || own.includes(documentPrefix) || own.length === 0) return trimmed;
    return `${trimmed.slice(0, -documentPrefix.length)}${own[0]}`;
  };
}
