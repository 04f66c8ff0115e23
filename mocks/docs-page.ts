// The docs page as the mock serves it. The document names where the mock runs by default (a server on loopback,
// such as `http://127.0.0.1:4010`); its samples and server list must reach this mock wherever it listens, so
// that a reader who copies a sample from the mock's /docs calls the mock that showed it.
import type { Contract } from '../lib/contract.ts';
import { loopbackHosts } from '../lib/servers.ts';

/**
 * The page with each loopback host of the document replaced by `ownHost` where it names a server: after `//` in a
 * URL, after `· ` in a sample's tab (scripts/docs/samples.ts), or as a whole JSON string (a server variable's
 * default). A longer host that starts the same stays.
 */
export function docsServedAt(html: string, contract: Contract, ownHost: string): string {
  return loopbackHosts(contract).reduce((page, host) => {
    const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return page
      .replace(new RegExp(`(?<=//|· )${escaped}(?![\\w.:-])`, 'g'), ownHost)
      .replaceAll(`"${host}"`, `"${ownHost}"`);
  }, html);
}
