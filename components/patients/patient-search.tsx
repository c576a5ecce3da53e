/** The search box of the patient list: a plain GET form, so the result has its own address. */
export function PatientSearch({ query, includeArchived = false }: { query: string; includeArchived?: boolean }) {
  return (
    <form role="search" action="/patients" method="get" className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
      <label htmlFor="patient-search" className="sr-only">
        Rechercher un patient
      </label>
      <input
        id="patient-search"
        name="q"
        type="search"
        defaultValue={query}
        maxLength={80}
        placeholder="Nom, prénom ou matricule"
        className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 sm:w-72 sm:text-sm"
      />
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        Rechercher
      </button>
      <label className="flex basis-full items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="archives"
          value="1"
          defaultChecked={includeArchived}
          className="size-4 rounded border-slate-300 accent-brand-600"
        />
        Afficher les archivés
      </label>
    </form>
  );
}
