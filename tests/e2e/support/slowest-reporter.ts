import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

// Ends the browser tests' output with the slowest tests, each project's total test time, and how
// busy the workers were: what to look at first when the run grows slower
// (docs/decisions/0024-a-test-run-that-stays-fast.md). A run whose workers sit idle at its end is
// waiting on one long test that started late: split it, or declare it earlier.

const SHOWN = 10;

export default class SlowestReporter implements Reporter {
  private readonly times: { title: string; project: string; ms: number; start: number; worker: number }[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    const project = test.parent.project()?.name ?? "";
    this.times.push({
      title: `${test.location.file.replace(/^.*tests\/e2e\//, "")}:${test.location.line} › ${test.title}`,
      project,
      ms: result.duration,
      start: result.startTime.getTime(),
      worker: result.parallelIndex,
    });
  }

  onEnd(_result: FullResult) {
    if (!this.times.length) return;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const slowest = [...this.times].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
    console.log(`\nSlowest ${slowest.length} browser tests:`);
    for (const t of slowest) console.log(`  ${seconds(t.ms).padStart(8)}  [${t.project}] ${t.title}`);
    const perProject = new Map<string, number>();
    for (const t of this.times) perProject.set(t.project, (perProject.get(t.project) ?? 0) + t.ms);
    console.log(`Test time per project: ${[...perProject].map(([p, ms]) => `${p} ${seconds(ms)}`).join(", ")}`);

    // From the first test's start to the last one's end, and when each worker ran its last test.
    const first = Math.min(...this.times.map((t) => t.start));
    const last = Math.max(...this.times.map((t) => t.start + t.ms));
    const busy = this.times.reduce((sum, t) => sum + t.ms, 0);
    const workers = new Map<number, number>();
    for (const t of this.times) workers.set(t.worker, Math.max(workers.get(t.worker) ?? 0, t.start + t.ms));
    const idleAtEnd = [...workers.values()].map((end) => last - end);
    console.log(
      `Tests ran ${seconds(last - first)} on ${workers.size} worker(s), busy ${Math.round((100 * busy) / ((last - first) * workers.size))} % of it; ` +
        `idle at the end: ${idleAtEnd
          .sort((a, b) => b - a)
          .map(seconds)
          .join(", ")}`,
    );
  }
}
