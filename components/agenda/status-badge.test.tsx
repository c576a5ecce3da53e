// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StatusBadge } from "./status-badge";

afterEach(cleanup);

describe("StatusBadge", () => {
  it("names the status, and who cancelled a cancelled appointment", () => {
    render(<StatusBadge status="no_show" cancelledBy={null} />);
    expect(screen.getByText("Absent non excusé")).toHaveClass("bg-red-50");
    cleanup();
    render(<StatusBadge status="cancelled" cancelledBy="practice" />);
    expect(screen.getByText("Annulé par le cabinet")).toHaveClass("bg-slate-100");
    cleanup();
    render(<StatusBadge status="cancelled" cancelledBy={null} />);
    expect(screen.getByText("Annulé")).toBeInTheDocument();
  });
});
