// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AgendaActions, AgendaFormState } from "@/lib/agenda/action-state";
import { CreateDialog } from "./create-dialog";

afterEach(cleanup);
beforeAll(() => {
  // jsdom has <dialog> without its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

const OUTSIDE = "Ce créneau est en dehors des heures d'ouverture. Confirmez pour réserver quand même.";

describe("CreateDialog", () => {
  it("« hors des heures d'ouverture » is answered by its own button only: the form's default (Enter) sends without it", async () => {
    const sent: FormData[] = [];
    const create = vi.fn(async (_: AgendaFormState, data: FormData): Promise<AgendaFormState> => {
      sent.push(data);
      return { status: "error", formError: OUTSIDE, data: { ask: "outside-hours" } };
    });
    const actions = { create, searchPatients: vi.fn(async () => []) } as unknown as AgendaActions;
    render(
      <CreateDialog
        slot={{ doctorId: "d1", at: new Date("2031-03-05T19:00:00Z") }}
        motifs={[]}
        doctorName={null}
        defaultDay="2031-03-05"
        actions={actions}
        onClose={() => {}}
        onDone={() => {}}
      />,
    );
    const save = screen.getByRole("button", { name: "Enregistrer le rendez-vous" });
    await act(async () => fireEvent.click(save));
    const confirm = await screen.findByRole("button", { name: "Réserver hors des heures d'ouverture" });
    // Enter in a field submits with the form's first submit button: the only one is « Enregistrer ».
    const form = save.closest("form")!;
    expect([...form.querySelectorAll("button")].filter((b) => b.type === "submit")).toEqual([save]);
    expect(confirm).toHaveAttribute("type", "button");
    await act(async () => fireEvent.submit(form));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.get("outsideHoursConfirmed")).toBeNull();
    await act(async () => fireEvent.click(confirm));
    expect(sent).toHaveLength(3);
    expect(sent[2]!.get("outsideHoursConfirmed")).toBe("on");
  });
});
