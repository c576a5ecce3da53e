// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReviewForm } from "./review-form";

afterEach(cleanup);

describe("ReviewForm", () => {
  it("is a labelled group of five radio stars, sends the chosen one with the comment, and shows a refusal", async () => {
    const action = vi.fn(async (_state: unknown, data: FormData) => ({
      status: "error" as const,
      formError: `refusé ${String(data.get("rating"))} ${String(data.get("comment"))}`,
    }));
    render(<ReviewForm action={action} visitLabel="le rendez-vous du 01/12/2026 09:00" />);
    fireEvent.click(screen.getByRole("button", { name: "Laisser un avis sur le rendez-vous du 01/12/2026 09:00" }));
    const group = screen.getByRole("group", { name: "Votre note" });
    const stars = screen.getAllByRole("radio");
    expect(group).toBeInTheDocument();
    expect(stars.map((s) => s.getAttribute("aria-label"))).toEqual([
      "1 étoile sur 5",
      "2 étoiles sur 5",
      "3 étoiles sur 5",
      "4 étoiles sur 5",
      "5 étoiles sur 5",
    ]);
    fireEvent.click(screen.getByRole("radio", { name: "4 étoiles sur 5" }));
    expect(screen.getByRole("radio", { name: "4 étoiles sur 5" })).toBeChecked();
    const comment = screen.getByLabelText(/^Commentaire/);
    expect(comment).toHaveAttribute("maxLength", "1000");
    fireEvent.change(comment, { target: { value: "Très bien" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Publier mon avis" })));
    expect(action).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole("alert")).toHaveTextContent("refusé 4 Très bien");
  });
});
