// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ReviewsCard } from "./statistic-cards";

afterEach(cleanup);

describe("ReviewsCard", () => {
  it("fills the stars in proportion to the average: 4,5 is four and a half, not five", () => {
    render(<ReviewsCard reviews={{ count: 12, averageRating: 4.5, last30Days: 3 }} />);
    expect(screen.getByText("4,5")).toBeTruthy();
    expect(screen.getByTestId("stars-filled").style.width).toBe("90%");
  });

  it("says so when there is no review yet", () => {
    render(<ReviewsCard reviews={{ count: 0, averageRating: null, last30Days: 0 }} />);
    expect(screen.getByText("Aucun avis publié pour l'instant.")).toBeTruthy();
    expect(screen.queryByTestId("stars-filled")).toBeNull();
  });
});
