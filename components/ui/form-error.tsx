import Link from "next/link";
import { Alert } from "./alert";

// A form's refusal: its sentence, and the ways out the server offered with it (« Voir le dossier
// existant », « Mot de passe oublié ? »…) as links inside the same announced alert.

export function FormError({ message, links }: { message: string; links?: readonly { href: string; label: string }[] }) {
  return (
    <Alert>
      <p>{message}</p>
      {links && links.length > 0 && (
        <ul className="mt-2 space-y-1">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="font-semibold underline">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
