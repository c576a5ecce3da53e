// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useWeeklyIntervals, WeeklyIntervalsEditor } from "./weekly-intervals";

afterEach(cleanup);

let sent: FormData | null = null;

function Harness({ errors }: { errors?: Record<string, string> }) {
  const intervals = useWeeklyIntervals([
    { weekday: 2, startMinute: 14 * 60, endMinute: 18 * 60 },
    { weekday: 1, startMinute: 8 * 60, endMinute: 1440 },
  ]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        sent = new FormData();
        intervals.appendTo(sent);
      }}
    >
      <WeeklyIntervalsEditor intervals={intervals} fieldErrors={errors} idPrefix="hours" rowNoun="plage" emptyText="Fermé" />
      <button type="submit">Enregistrer</button>
    </form>
  );
}

describe("WeeklyIntervalsEditor", () => {
  it("sends the rows in the week's order, midnight as 24:00, and adds a row after the day's last", () => {
    render(<Harness />);
    expect(screen.getAllByText("Fermé")).toHaveLength(5);
    fireEvent.click(screen.getByRole("button", { name: "Ajouter une plage le mardi" }));
    expect(screen.getByLabelText("Mardi, plage 2 : début")).toHaveValue("18:00");
    fireEvent.click(screen.getByRole("button", { name: "Retirer Mardi, plage 1" }));
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(sent!.getAll("weekday")).toEqual(["1", "2"]);
    expect(sent!.getAll("start")).toEqual(["08:00", "18:00"]);
    expect(sent!.getAll("end")).toEqual(["24:00", "18:00"]);
  });

  it("puts the server's message under the row it was about, tied to its input", () => {
    const { rerender } = render(<Harness />);
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    // Index 1 of what was sent is Tuesday's row (Monday goes first).
    rerender(<Harness errors={{ "intervals.1.end": "La fin suit le début." }} />);
    const end = screen.getByLabelText("Mardi, plage 1 : fin");
    expect(end).toHaveAttribute("aria-invalid", "true");
    expect(document.getElementById(end.getAttribute("aria-describedby")!)).toHaveTextContent("La fin suit le début.");
    expect(screen.getByLabelText("Lundi, plage 1 : fin")).not.toHaveAttribute("aria-invalid");
  });
});
