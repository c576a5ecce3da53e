import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">Page introuvable</h1>
      <p className="mt-3 text-slate-600">Cette page n&apos;existe pas ou vous n&apos;y avez pas accès.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Retour à l&apos;accueil
      </Link>
    </main>
  );
}
