// Writes the reports a vendor's CI keeps: JUnit XML, JSON (conformance/report.schema.json) and HTML.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlReport } from './report-html.ts';
import { jsonReportText } from './report-json.ts';
import { junitReport } from './report-junit.ts';
import type { Reproduction, RunInfo } from './report.ts';
import type { CaseResult } from './runner.ts';

export type ReportFormat = 'junit' | 'json' | 'html';
export const REPORT_FORMATS: ReportFormat[] = ['junit', 'json', 'html'];

/** Writes one file per format into `directory` (made if missing) and gives their paths. Throws when it cannot. */
export function writeReports(
  results: CaseResult[],
  formats: ReportFormat[],
  directory: string,
  info: RunInfo,
  reproduction: Reproduction,
): string[] {
  mkdirSync(directory, { recursive: true });
  const files: Record<ReportFormat, [string, () => string]> = {
    json: ['conformance.json', () => jsonReportText(results, info, reproduction)],
    junit: ['conformance.junit.xml', () => junitReport(results, info, reproduction)],
    html: ['conformance.html', () => htmlReport(results, info, reproduction)],
  };
  return formats.map((format) => {
    const [name, render] = files[format];
    const path = join(directory, name);
    writeFileSync(path, render());
    return path;
  });
}
