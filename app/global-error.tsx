"use client";

export default function GlobalError() {
  return (
    <html lang="fr-LU">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "6rem 1rem" }}>
        <h1>Une erreur est survenue</h1>
        <p>Le service est momentanément indisponible. Réessayez dans un instant.</p>
      </body>
    </html>
  );
}
