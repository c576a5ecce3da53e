// The public page's address (/rdv/<slug>): « dr-prenom-nom » from the doctor's name, plain ASCII,
// lower case, words joined by hyphens (the database checks the same shape). Pure.

const MAX_SLUG_LENGTH = 80;

/** « Dr Élise Müller-Weber » → « dr-elise-muller-weber ». */
export function baseSlug(person: { firstName: string; lastName: string }): string {
  const words = `dr ${person.firstName} ${person.lastName}`
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Room for « -NN » when the name is taken.
  return words.slice(0, MAX_SLUG_LENGTH - 4).replace(/-+$/, "") || "dr";
}

/** The first of base, base-2, base-3… not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
