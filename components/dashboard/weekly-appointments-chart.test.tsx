// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { WeeklyAppointmentsChart } from "./weekly-appointments-chart";

const weeks = (counts: number[]) =>
  counts.map((count, i) => ({ weekStart: new Date(Date.UTC(2026, 0, 12 + 7 * i)).toISOString().slice(0, 10), count }));

afterEach(cleanup);

describe("WeeklyAppointmentsChart", () => {
  it("draws one bar per week, heights in proportion, the current week set apart", () => {
    const { container } = render(<WeeklyAppointmentsChart weeks={weeks([10, 20, 0, 40, 5, 5, 5, 5, 5, 5, 5, 30])} />);
    const bars = [...container.querySelectorAll("g[data-week] rect")];
    expect(bars).toHaveLength(12);
    const height = (i: number) => Number(bars[i]!.getAttribute("height"));
    expect(height(3)).toBeGreaterThan(0);
    expect(height(1) / height(3)).toBeCloseTo(0.5);
    expect(height(2)).toBe(0);
    expect(bars[11]!.getAttribute("stroke-dasharray")).toBeTruthy();
    expect(bars[10]!.getAttribute("stroke-dasharray")).toBeNull();
    // Labels: the Monday of each week, in French.
    const [count, label] = container.querySelectorAll('g[data-week="2026-01-12"] text');
    expect([count?.textContent, label?.textContent]).toEqual(["10", "12 janv."]);
  });

  it("gives screen readers the figures as a table", () => {
    render(<WeeklyAppointmentsChart weeks={weeks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1234])} />);
    const row = screen.getByRole("row", { name: /30 mars 2026/ });
    expect(row).toHaveTextContent("1\u202f234", { normalizeWhitespace: false });
  });

  it("says so when there is nothing to draw", () => {
    const { container } = render(<WeeklyAppointmentsChart weeks={weeks(Array(12).fill(0))} />);
    expect(container.querySelector("svg")).toBeNull();
    expect(screen.getByText("Aucun rendez-vous sur les 12 dernières semaines.")).toBeInTheDocument();
  });
});
