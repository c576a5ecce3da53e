import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/patient-space/delete-account-form";
import { Card } from "@/components/ui/card";
import { requirePatient } from "@/lib/auth/guards";
import { deleteAccountAction } from "./actions";

export const metadata: Metadata = { title: "Supprimer mon compte" };

// What goes and what stays is said before the password is asked (docs/decisions/0046).
export default async function DeleteAccountPage() {
  const { user } = await requirePatient();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Supprimer mon compte</h1>
      <Card title="Ce qui est supprimé">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            votre compte Doctipro (<span className="break-all">{user.email}</span>), son mot de passe, sa double authentification et son historique de
            connexion ;
          </li>
          <li>toutes vos sessions : vous serez déconnecté sur tous vos appareils ;</li>
          <li>vos demandes « Me prévenir si un créneau se libère plus tôt » ;</li>
          <li>vos rendez-vous à venir pris en ligne : ils sont annulés, et le cabinet comme vous en êtes prévenus ;</li>
          <li>vos conversations avec le support.</li>
        </ul>
      </Card>
      <Card title="Ce que les cabinets conservent">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>vos dossiers patients et ceux de vos proches : un cabinet doit conserver le dossier médical ;</li>
          <li>les rendez-vous passés, et les rendez-vous à venir fixés par le cabinet lui-même ;</li>
          <li>les documents établis (ordonnances, certificats, mémoires d&apos;honoraires) ;</li>
          <li>vos avis publiés, qui restent anonymes.</li>
        </ul>
        <p className="mt-3 text-sm text-slate-600">Pour qu&apos;un cabinet efface ou corrige votre dossier, adressez-vous directement à lui.</p>
      </Card>
      <Card title="Confirmer">
        <p className="mb-3 text-sm text-slate-700">La suppression est définitive. Saisissez votre mot de passe pour confirmer.</p>
        <DeleteAccountForm action={deleteAccountAction} />
        <p className="mt-4 text-sm">
          <Link href="/securite" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Revenir à mon compte sans rien supprimer
          </Link>
        </p>
      </Card>
    </div>
  );
}
