import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints one plain closing line, `e2e: N passed, N failed, N skipped`, for CI logs. */
export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.passed++;
    else if (result.status === 'skipped') this.skipped++;
    else this.failed++;
  }

  onEnd(result: FullResult): void {
    const extra = result.status !== 'passed' && this.failed === 0 ? 1 : 0; // e.g. the web server did not start
    console.log(`\ne2e: ${this.passed} passed, ${this.failed + extra} failed, ${this.skipped} skipped`);
  }
}
