import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { SIGN_IN_PATH, SIGN_IN_TITLE } from "@/lib/auth/roles";
import { PUBLIC_PORTALS } from "@/lib/auth/sign-in-messages";

const TEXT = {
  doctor: "Médecins et médecins-dentistes",
  secretary: "Secrétaires et opérateurs de cabinet",
  patient: "Patients",
} as const;

export default function Home() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center px-4 py-12">
      <Logo />
      <h1 className="mt-8 text-3xl font-bold text-slate-900">Bienvenue sur Doctipro</h1>
      <p className="mt-2 text-slate-600">Choisissez la page de connexion qui correspond à votre accès.</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-3">
        {PUBLIC_PORTALS.map((role) => (
          <li key={role}>
            <Link href={SIGN_IN_PATH[role]} className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600">
              <span className="block font-semibold text-brand-700">{SIGN_IN_TITLE[role]}</span>
              <span className="mt-1 block text-sm text-slate-600">{TEXT[role]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
