import type { Metadata } from "next";
import Link from "next/link";
import { MAX_QUERY_LENGTH, searchBookableDoctors } from "@/lib/booking/public-page";

export const metadata: Metadata = { title: "Prendre rendez-vous en ligne" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FindDoctorPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = typeof raw === "string" ? raw.slice(0, MAX_QUERY_LENGTH) : "";
  const doctors = await searchBookableDoctors(query);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Prendre rendez-vous en ligne</h1>
        <p className="mt-1 text-slate-600">Trouvez votre médecin par son nom, sa spécialité ou sa localité.</p>
      </div>
      <form role="search" action="/rdv" method="get" className="flex gap-2">
        <label htmlFor="rdv-q" className="sr-only">
          Nom, spécialité ou localité
        </label>
        <input
          id="rdv-q"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Nom, spécialité ou localité"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2.5 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800">
          Rechercher
        </button>
      </form>
      <section aria-labelledby="rdv-results">
        <h2 id="rdv-results" className="sr-only">
          Résultats
        </h2>
        {doctors.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">
            {query
              ? `Aucun médecin ne correspond à « ${query} » parmi ceux qui prennent rendez-vous en ligne.`
              : "Aucun médecin ne prend encore rendez-vous en ligne."}
          </p>
        ) : (
          <ul className="space-y-3">
            {doctors.map((d) => (
              <li key={d.slug}>
                <Link
                  href={`/rdv/${d.slug}`}
                  className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:border-brand-600"
                >
                  <span className="block font-semibold text-brand-800">{d.name}</span>
                  <span className="block text-sm text-slate-600">{[d.specialty, d.locality].filter(Boolean).join(" · ") || "Médecin"}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
