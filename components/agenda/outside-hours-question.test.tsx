// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { OutsideHoursQuestion } from "./outside-hours-question";

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

const QUESTION = "Ce créneau est en dehors des heures d'ouverture. Confirmez pour réserver quand même.";

describe("OutsideHoursQuestion", () => {
  it("opens on the question, not on a button: Enter answers nothing, only its own button says yes", async () => {
    const onAnswer = vi.fn();
    const onClose = vi.fn();
    render(
      <OutsideHoursQuestion
        title="Déplacer le rendez-vous"
        question={QUESTION}
        answer="Déplacer hors des heures d'ouverture"
        pending={false}
        onAnswer={onAnswer}
        onClose={onClose}
      />,
    );
    const dialog = screen.getByRole("dialog", { name: "Déplacer le rendez-vous" });
    expect(screen.getByText(QUESTION)).toHaveFocus();
    // No form in it: Enter where the focus lands submits nothing and clicks nothing.
    expect(dialog.querySelector("form")).toBeNull();
    await act(async () => fireEvent.keyDown(document.activeElement!, { key: "Enter" }));
    expect(onAnswer).not.toHaveBeenCalled();
    for (const button of screen.getAllByRole("button")) expect(button).toHaveAttribute("type", "button");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Annuler" })));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onAnswer).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Déplacer hors des heures d'ouverture" })));
    expect(onAnswer).toHaveBeenCalledTimes(1);
  });
});
