import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 text-lg font-bold tracking-wide text-brand-700">
      <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand-600 text-sm text-white">
        D
      </span>
      DOCTIPRO
    </Link>
  );
}
