// Writes the reports a vendor's CI keeps: JUnit XML, JSON (conformance/report.schema.json) and HTML.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFormat } from './formats.ts';
import { htmlReport } from './html.ts';
import { jsonReportText } from './json.ts';
import { junitReport } from './junit.ts';
import { redactDeep } from '../run/redact.ts';
import type { Reproduction, RunInfo } from './report.ts';
import type { CaseResult } from '../engine/result.ts';

/**
 * Writes one file per format into `directory` (made if missing) and gives their paths. Throws when it cannot.
 * Results come with their secrets blanked already (runner.ts); `redact` blanks them in what did not come through the
 * runner (the target, the options, a stopped run's reason). It runs on the data, before it is escaped for XML or
 * HTML: run on a finished file, its `<token>` markers would be markup.
 */
export function writeReports(
  results: CaseResult[],
  formats: ReportFormat[],
  directory: string,
  info: RunInfo,
  reproduction: Reproduction,
  redact: (text: string) => string = (text) => text,
): string[] {
  mkdirSync(directory, { recursive: true });
  const run = redactDeep(info, redact);
  const files: Record<ReportFormat, [string, () => string]> = {
    json: ['conformance.json', () => jsonReportText(results, run, reproduction)],
    junit: ['conformance.junit.xml', () => junitReport(results, run, reproduction)],
    html: ['conformance.html', () => htmlReport(results, run, reproduction)],
  };
  return formats.map((format) => {
    const [name, render] = files[format];
    const path = join(directory, name);
    writeFileSync(path, render());
    return path;
  });
}
