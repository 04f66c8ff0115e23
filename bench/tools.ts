// The three graders of the detection table, each run against one server URL: our conformance suite (in this
// process, as its self-test does), Dredd (its CLI, with bench/dredd-hooks.cjs) and Specmatic (its jar, run with
// java directly, because the npm wrapper's exit code is always 0).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BUNDLE_PATH, type Contract } from '../lib/contract.ts';
import { credentialKey, credentialsOf, secondTenantSecrets, type Secrets } from '../lib/credentials.ts';
import { buildCatalogue } from '../conformance/engine/catalogue.ts';
import { readingOf } from '../conformance/engine/reading.ts';
import { runCases } from '../conformance/run/runner.ts';
import { targetFor } from '../conformance/run/target.ts';
import { ROOT, runToEnd } from './processes.ts';

export interface Verdict {
  /** The tool says the server is not conformant (a failure, or a non-zero exit). */
  flagged: boolean;
  summary: string;
  /** The first thing it complained about, for the log. */
  reason: string;
  ms: number;
}

/** Credential values by key (lib/credentials.ts): token, channelKey, apiKey, apiSecret. */
export type Credentials = Secrets;

/** The two tenants every server of the table is started with, so that the tenancy cases run too. */
export interface Tenants {
  credentials: Credentials;
  /** The second tenant's values, by the first tenant's keys, as servers take them. */
  secondTenant: Credentials;
}

export function oursGrader(contract: Contract, { credentials, secondTenant }: Tenants) {
  const secrets = { ...credentials, ...secondTenantSecrets(credentialsOf(contract), secondTenant) };
  const grading = readingOf(contract);
  const { cases } = buildCatalogue(grading, { uniquePrefix: 'bench-detect' });
  return async (url: string): Promise<Verdict> => {
    const started = performance.now();
    const target = targetFor(contract, { baseUrl: url, secrets, timeoutMs: 5000 });
    const results = await runCases(cases, target, grading, { concurrency: 8, generatedRuns: 25, seed: 1 });
    const failed = results.filter((r) => !r.passed);
    const first = failed[0];
    return {
      flagged: failed.length > 0,
      summary: `${results.length - failed.length}/${results.length} cases passed`,
      reason: first
        ? `${first.testCase.id} [${first.testCase.rule}] ${first.failures.map((f) => f.check).join(', ')}`
        : '',
      ms: Math.round(performance.now() - started),
    };
  };
}

const strip = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

export type DreddMode = 'adjusted' | 'as-is';

/** `headers`: what a valid request needs besides its body (token, channel key), as the document names them. */
export function dreddGrader(headers: Record<string, string>, cwd: string) {
  return async (url: string, mode: DreddMode = 'adjusted'): Promise<Verdict> => {
    const run = await runToEnd(
      join(ROOT, 'node_modules/.bin/dredd'),
      [BUNDLE_PATH, url, `--hookfiles=${join(ROOT, 'bench/dredd-hooks.cjs')}`, '--color=false'],
      {
        cwd,
        timeoutMs: 120_000,
        env: { BENCH_HEADERS: JSON.stringify(headers), BENCH_DREDD_MODE: mode, NO_COLOR: '1' },
      },
    );
    const output = strip(run.output);
    const complete =
      /complete: (\d+ passing, \d+ failing, \d+ errors, \d+ skipped, \d+ total)/.exec(output)?.[1] ??
      (run.timedOut ? 'timed out' : 'no summary');
    const failures = output
      .split('\n')
      .filter((l) => /^\s*fail: (headers|body|statusCode|uri|method)/.test(l))
      .map((l) => l.trim());
    const error = output
      .split('\n')
      .find((l) => /^\s*error:/.test(l))
      ?.trim();
    return {
      flagged: run.code !== 0,
      summary: `exit ${run.code}; ${complete}`,
      reason: failures[0] ?? error ?? '',
      ms: run.ms,
    };
  };
}

/**
 * Specmatic reads the token from an environment variable named after each security scheme. It cannot load the
 * document's paired examples as they are (the required x-channel-key header has no named example, so it stops
 * with "Error loading example"); an overlay, generated here from the document, inlines each required header
 * parameter with one named example per request example, holding the value the server expects.
 */
export function specmaticOverlay(contract: Contract, credentials: Credentials, directory: string): string {
  const actions: object[] = [];
  for (const operation of contract.operations) {
    const names = (operation.requestBody?.examples ?? []).map((example) => example.name);
    const target = `$.paths['${operation.path}'].${operation.method.toLowerCase()}.parameters`;
    const parameters = (operation.object.parameters ?? []).map((p) => contract.resolve(p));
    const inlined: object[] = [];
    parameters.forEach((parameter, index) => {
      if (parameter.in !== 'header' || parameter.required !== true) return;
      const value =
        parameter['x-credential'] === true
          ? (credentials[credentialKey(parameter.name)] ?? '')
          : String(parameter.example ?? '');
      const { example: _drop, ...rest } = parameter;
      inlined.push({ ...rest, examples: Object.fromEntries(names.map((name) => [name, { value }])) });
      actions.push({ target: `${target}[${index}]`, remove: true });
    });
    for (const parameter of inlined) actions.push({ target, update: parameter });
  }
  const path = join(directory, 'specmatic-overlay.yaml');
  writeFileSync(
    path,
    stringify({
      overlay: '1.0.0',
      info: { title: 'bench: named header examples for Specmatic', version: '1.0.0' },
      actions,
    }),
  );
  return path;
}

export type SpecmaticMode = 'overlay' | 'as-is';

export function specmaticGrader(contract: Contract, credentials: Credentials, cwd: string, overlayPath: string) {
  const schemes = Object.keys(contract.document.components?.securitySchemes ?? {});
  const env = Object.fromEntries(schemes.map((name) => [name, credentials.token ?? '']));
  return async (url: string, mode: SpecmaticMode = 'overlay'): Promise<Verdict> => {
    // C1-only JIT and the serial GC halve the JVM's start here (about 4 s instead of 8 s a run); results are the same.
    const run = await runToEnd(
      'java',
      [
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
        '-jar',
        join(ROOT, 'node_modules/specmatic/specmatic.jar'),
        'test',
        `--testBaseURL=${url}`,
        ...(mode === 'overlay' ? [`--overlay-file=${overlayPath}`] : []),
        BUNDLE_PATH,
      ],
      { cwd, timeoutMs: 180_000, env },
    );
    const output = strip(run.output);
    const totals = /Tests run: (\d+), Successes: (\d+), Failures: (\d+), WIP: \d+, Errors: (\d+)/.exec(output);
    const summary = totals
      ? `exit ${run.code}; ${totals[1]} run, ${totals[2]} passed, ${totals[3]} failed, ${totals[4]} errors`
      : `exit ${run.code}; ${run.timedOut ? 'timed out' : 'no summary'}`;
    const lines = output.split('\n');
    const at = lines.findIndex((l) => /^\s*>> /.test(l));
    const rule = at >= 0 ? lines.slice(at + 1, at + 4).find((l) => /\b[RT]\d{4}:/.test(l) || /\S/.test(l)) : undefined;
    const reason = at >= 0 ? `${lines[at]!.trim()} ${rule?.trim() ?? ''}`.trim() : '';
    return { flagged: run.code !== 0, summary, reason, ms: run.ms };
  };
}
