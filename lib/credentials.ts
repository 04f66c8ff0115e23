// The secrets a request of the contract can need, named once from the document so that the mock's environment,
// the suite's options and placeholders, the client's options and the docs' samples agree: the token of the
// security schemes, and each value marked `x-credential` (the channel key: `channelKey`, `--channel-key`,
// `CHANNEL_KEY`).
import type { Contract } from './contract.ts';
import { isObject } from './json.ts';

export interface Credential {
  /** camelCase: `token`, `channelKey`; also the placeholder `{{channelKey}}` and the client's option. */
  key: string;
  /** kebab-case, for command lines: `channel-key`. */
  option: string;
  /** SCREAMING_SNAKE_CASE, for the environment: `CHANNEL_KEY`. */
  env: string;
  /** Where it goes: `the token of the security schemes`, `header x-channel-key`. */
  description: string;
  /** The document's example value, if it gives one. */
  example?: string;
}

/** Values of credentials by their key: `{ token, channelKey }`. */
export type Secrets = Record<string, string>;

export const TOKEN = 'token';

/** Every credential the contract's operations need, the token first. */
export function credentialsOf(contract: Contract): Credential[] {
  const found = new Map<string, Credential>();
  if (contract.operations.some((op) => op.security.some((alternative) => alternative.length > 0))) {
    found.set(TOKEN, { ...namesFor(TOKEN), description: 'the token of the security schemes' });
  }
  for (const parameter of contract.operations.flatMap((op) => op.parameters).filter((p) => p.credential)) {
    const names = namesFor(parameter.name);
    const example = typeof parameter.example === 'string' ? parameter.example : undefined;
    if (!found.has(names.key)) {
      found.set(names.key, { ...names, description: `${parameter.in} ${parameter.name}`, example });
    }
  }
  for (const operation of contract.operations) {
    for (const name of operation.requestBody?.credentials ?? []) {
      const names = namesFor(name);
      if (found.has(names.key)) continue;
      const example = operation.requestBody?.examples
        .map((ex) => (isObject(ex.value) ? ex.value[name] : undefined))
        .find((value) => typeof value === 'string');
      const description = `body property ${name} of ${operation.operationId}`;
      found.set(names.key, { ...names, description, ...(typeof example === 'string' ? { example } : {}) });
    }
  }
  return [...found.values()];
}

/** The key of the credential a parameter named `name` carries: `x-channel-key` → `channelKey`. */
export function credentialKey(name: string): string {
  return namesFor(name).key;
}

/** `{{channelKey}}`: where a secret stands in a request until the moment it is sent. */
export function placeholder(key: string): string {
  return `{{${key}}}`;
}

/**
 * The same credential of a second tenant: its own token, channel key, API key and secret, which tools take to prove
 * that one tenant never sees another's items. Named with `second` in front: `secondToken`, `--second-token`,
 * `SECOND_TOKEN`. It has no example: the document's examples are the first tenant's.
 */
export function ofSecondTenant(credential: Credential): Credential {
  const names = namesFor(`second ${credential.option}`);
  return { ...names, description: `${credential.description}, of the second tenant` };
}

/** The credentials of the first tenant and then the same of a second tenant. */
export function withSecondTenant(credentials: Credential[]): Credential[] {
  return [...credentials, ...credentials.map(ofSecondTenant)];
}

/** A second tenant's values, given by the keys of the first (`token`), under its own keys (`secondToken`). */
export function secondTenantSecrets(credentials: Credential[], secrets: Secrets): Secrets {
  return Object.fromEntries(
    credentials.filter((c) => secrets[c.key] !== undefined).map((c) => [ofSecondTenant(c).key, secrets[c.key]!]),
  );
}

/** Whether a credential is a second tenant's (`ofSecondTenant`). */
export function isSecondTenants(credential: Credential): boolean {
  return credential.key.startsWith('second') && credential.description.endsWith(', of the second tenant');
}

const names = new Map<string, ReturnType<typeof spell>>();

function namesFor(name: string) {
  return names.get(name) ?? names.set(name, spell(name)).get(name)!;
}

function spell(name: string) {
  const words = name
    .replace(/^x-/i, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  return {
    key: words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join(''),
    option: words.join('-'),
    env: words.join('_').toUpperCase(),
  };
}

/** Percent-encoding for a URL part; placeholders (`{{token}}`) stay as they are until they are filled. */
export function encodeOutsidePlaceholders(text: string): string {
  return text
    .split(/(\{\{[^{}]+\}\})/)
    .map((piece, i) => (i % 2 === 1 ? piece : encodeURIComponent(piece)))
    .join('');
}

/** The environment that gives each credential to a tool reading `<PREFIX><NAME>` (MOCK_TOKEN, CONFORMANCE_API_KEY). */
export function environmentFor(credentials: Credential[], prefix: string, secrets: Secrets): Record<string, string> {
  return Object.fromEntries(
    credentials.filter((c) => secrets[c.key] !== undefined).map((c) => [`${prefix}${c.env}`, secrets[c.key]!]),
  );
}
