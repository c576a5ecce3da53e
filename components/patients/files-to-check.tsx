"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import { formatCalendarDate } from "@/lib/format/datetime";
import type { FormState } from "@/lib/forms/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Person = { id: string; firstName: string; lastName: string; birthDate: string; matricule: string | null };
type Row = Person & { otherIdentifier: string | null; existing: Person; actions: { same: Action; distinct: Action } };

function Identity({ person, title, otherIdentifier }: { person: Person; title: string; otherIdentifier?: string | null }) {
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</p>
      <p className="font-semibold text-slate-900">
        {person.lastName.toUpperCase()} {person.firstName}
      </p>
      <p className="text-sm text-slate-700">Né(e) le {formatCalendarDate(person.birthDate)}</p>
      <p className="text-sm text-slate-700">{person.matricule ? `Matricule ${person.matricule}` : (otherIdentifier ?? "Sans matricule")}</p>
    </div>
  );
}

function Decision({ row }: { row: Row }) {
  const same = useServerForm(row.actions.same);
  const distinct = useServerForm(row.actions.distinct);
  const answer = [same.state, distinct.state].find((s) => s.status !== "idle");
  if (answer?.status === "success") return <Alert tone="info">{answer.message}</Alert>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form {...same.formProps}>
          <Button type="submit" pending={same.pending} aria-label={`C'est la même personne : ${row.firstName} ${row.lastName}`}>
            C&apos;est la même personne
          </Button>
        </form>
        <form {...distinct.formProps}>
          <Button
            type="submit"
            variant="secondary"
            pending={distinct.pending}
            aria-label={`Personnes différentes : ${row.firstName} ${row.lastName}`}
          >
            Personnes différentes
          </Button>
        </form>
      </div>
      {answer?.status === "error" && answer.formError && <Alert>{answer.formError}</Alert>}
    </div>
  );
}

/** « À vérifier »: each online file beside the existing file it may be, with the two decisions. */
export function FilesToCheck({ files }: { files: Row[] }) {
  if (files.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700 shadow-sm">Aucun dossier à vérifier.</p>;
  }
  return (
    <ul className="space-y-4">
      {files.map((row) => (
        <li key={row.id} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <div className="grid gap-4 sm:grid-cols-2">
            <Identity person={row} title="Créée en ligne" otherIdentifier={row.otherIdentifier} />
            <div>
              <Identity person={row.existing} title="Dossier existant" />
              <Link href={`/patients/${row.existing.id}`} className="text-sm text-brand-700 underline">
                Ouvrir le dossier existant
              </Link>
            </div>
          </div>
          <Decision row={row} />
        </li>
      ))}
    </ul>
  );
}
