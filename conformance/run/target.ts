// Where each operation's requests go: the rule of lib/servers.ts, read from the contract.
import type { Contract } from '../../lib/contract.ts';
import { operationServerUrl } from '../../lib/servers.ts';

export function baseUrlFor(contract: Contract, baseUrl: string): (operationId: string) => string {
  const documentPrefixes = contract.servers.map((s) => s.pathPrefix);
  return (operationId) => {
    const operation = contract.operations.find((op) => op.operationId === operationId);
    return operationServerUrl(baseUrl, documentPrefixes, operation?.servers.map((s) => s.pathPrefix) ?? []);
  };
}
