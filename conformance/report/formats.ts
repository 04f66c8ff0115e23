// The report files a run can write, named as the --report option takes them.
export type ReportFormat = 'junit' | 'json' | 'html';
export const REPORT_FORMATS: ReportFormat[] = ['junit', 'json', 'html'];

export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as string[]).includes(name);
}
