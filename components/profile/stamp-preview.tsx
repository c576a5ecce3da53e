import { stampDataUrl } from "@/lib/profile/stamp";
import { stampDataOf, type DetailsValues } from "./stamp-data";

/** The stamp as it will be printed (the same SVG the documents use). */
export function StampPreview({ values }: { values: DetailsValues }) {
  const data = stampDataOf(values);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a generated data: SVG, nothing to optimise
    <img src={stampDataUrl(data)} alt={`Aperçu du cachet : ${data.name}`} data-testid="stamp-preview" className="w-full max-w-80 shrink-0" />
  );
}
