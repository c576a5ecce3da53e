/** A rating out of 5 as stars; a screen reader says « 4 étoiles sur 5 ». */
export function Stars({ rating }: { rating: number }) {
  return (
    <span className="text-amber-500" role="img" aria-label={`${rating} étoile${rating > 1 ? "s" : ""} sur 5`}>
      {"★".repeat(rating)}
      <span className="text-slate-300">{"★".repeat(5 - rating)}</span>
    </span>
  );
}
