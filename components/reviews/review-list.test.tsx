// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DoctorReview } from "@/lib/reviews/reviews";
import { ReviewList } from "./review-list";

afterEach(cleanup);

const review = (id: string, extra: Partial<DoctorReview> = {}): DoctorReview => ({
  id,
  rating: 4,
  comment: `Avis ${id}`,
  createdAt: new Date("2026-11-20T10:00:00Z"),
  visitAt: new Date("2026-11-18T09:00:00Z"),
  answer: null,
  answeredAt: null,
  hidden: false,
  hiddenReason: null,
  ...extra,
});

const answer = (r: DoctorReview) => ({
  openLabel: "Répondre",
  accessibleLabel: `Répondre à ${r.id}`,
  label: "Votre réponse",
  name: "answer",
  submitLabel: "Publier la réponse",
  maxLength: 1000,
  action: vi.fn(),
});

describe("ReviewList", () => {
  it("shows each review with its visit date, and the action only where `act` gives one", () => {
    render(
      <ReviewList
        reviews={[review("a"), review("b", { answer: "Merci", answeredAt: new Date("2026-11-21T10:00:00Z") })]}
        act={(r) => (r.answer ? null : answer(r))}
      />,
    );
    const items = screen.getAllByTestId("review");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("consultation du 18/11/2026");
    expect(within(items[0]!).getByRole("button", { name: "Répondre à a" })).toBeInTheDocument();
    expect(within(items[1]!).queryByRole("button")).toBeNull();
    expect(items[1]).toHaveTextContent("Réponse du médecin (21/11/2026) : Merci");
  });

  it("says there is none yet when the list is empty", () => {
    render(<ReviewList reviews={[]} act={answer} />);
    expect(screen.getByText("Aucun avis pour l'instant.")).toBeInTheDocument();
  });

  it("shows the public page's reviews without a visit, a moderation or an action", () => {
    const published = { rating: 5, comment: null, createdAt: new Date("2026-11-20T10:00:00Z"), answer: "Merci" };
    render(<ReviewList reviews={[published, { ...published, rating: 3, comment: "Bien", answer: null }]} />);
    const items = screen.getAllByTestId("review");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole("img", { name: "5 étoiles sur 5" })).toBeInTheDocument();
    expect(items[0]).toHaveTextContent("Publié le 20/11/2026Sans commentaire.Réponse du médecin : Merci");
    expect(items[1]).toHaveTextContent("Bien");
    expect(screen.queryByText(/consultation du|Masqué/)).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("says there is none in the words it is given", () => {
    render(<ReviewList reviews={[]} empty="Pas encore d'avis." />);
    expect(screen.getByText("Pas encore d'avis.")).toBeInTheDocument();
  });
});
