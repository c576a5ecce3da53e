import type { Metadata } from "next";
import Link from "next/link";
import { ScrollTable } from "@/components/ui/scroll-table";
import { StatusBadge } from "@/components/support/status-badge";
import { searchUsers, userSearchSchema } from "@/lib/support/user-search";
import { requireSupport } from "@/lib/auth/guards";
import { displayName, roleLabel } from "@/lib/users/display-name";

export const metadata: Metadata = { title: "Administration" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function SupportUsersPage({ searchParams }: { searchParams: Params }) {
  await requireSupport();
  const search = userSearchSchema.parse(await searchParams);
  const { rows, next } = await searchUsers(search);
  const nextHref = next
    ? `/admin?${new URLSearchParams({ q: search.q, ...(search.role ? { role: search.role } : {}), ...(search.status ? { status: search.status } : {}), apres: next })}`
    : null;
  const select = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-slate-900">Utilisateurs</h1>
        <Link href="/admin/nouveau" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Créer un compte
        </Link>
      </div>
      <form role="search" className="flex flex-wrap items-end gap-3" action="/admin">
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Rechercher (courriel ou nom)
          </label>
          <input id="q" name="q" defaultValue={search.q} maxLength={100} className={`${select} w-64`} />
        </div>
        <div className="space-y-1">
          <label htmlFor="role" className="block text-sm font-medium text-slate-800">
            Rôle
          </label>
          <select id="role" name="role" defaultValue={search.role ?? ""} className={select}>
            <option value="">Tous</option>
            <option value="doctor">Médecin</option>
            <option value="secretary">Secrétariat</option>
            <option value="patient">Patient</option>
            <option value="support">Support</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">
            Statut
          </label>
          <select id="status" name="status" defaultValue={search.status ?? ""} className={select}>
            <option value="">Tous</option>
            <option value="active">Actif</option>
            <option value="blocked">Bloqué</option>
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50">
          Rechercher
        </button>
      </form>
      <ScrollTable
        label="Utilisateurs trouvés"
        columns={["Courriel", "Nom", "Rôle", "Statut"]}
        empty="Aucun utilisateur ne correspond."
        rowCount={rows.length}
      >
        {rows.map((u) => (
          <tr key={u.id}>
            <td className="px-4 py-2">
              <Link href={`/admin/utilisateurs/${u.id}`} className="font-medium text-brand-700 underline">
                {u.email}
              </Link>
            </td>
            <td className="px-4 py-2">{displayName(u)}</td>
            <td className="px-4 py-2">{roleLabel(u.role, u.doctorKind)}</td>
            <td className="px-4 py-2">
              <StatusBadge status={u.status} />
            </td>
          </tr>
        ))}
      </ScrollTable>
      {nextHref && (
        <Link href={nextHref} className="inline-block text-sm font-semibold text-brand-700 underline">
          Page suivante
        </Link>
      )}
    </div>
  );
}
