import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

// Ends the browser tests' output with the slowest tests and each project's total test time: what
// to look at first when the run grows slower (docs/decisions/0024-a-test-run-that-stays-fast.md).

const SHOWN = 10;

export default class SlowestReporter implements Reporter {
  private readonly times: { title: string; project: string; ms: number }[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    const project = test.parent.project()?.name ?? "";
    this.times.push({
      title: `${test.location.file.replace(/^.*tests\/e2e\//, "")}:${test.location.line} › ${test.title}`,
      project,
      ms: result.duration,
    });
  }

  onEnd() {
    if (!this.times.length) return;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const slowest = [...this.times].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
    console.log(`\nSlowest ${slowest.length} browser tests:`);
    for (const t of slowest) console.log(`  ${seconds(t.ms).padStart(8)}  [${t.project}] ${t.title}`);
    const perProject = new Map<string, number>();
    for (const t of this.times) perProject.set(t.project, (perProject.get(t.project) ?? 0) + t.ms);
    console.log(`Test time per project: ${[...perProject].map(([p, ms]) => `${p} ${seconds(ms)}`).join(", ")}`);
  }
}
