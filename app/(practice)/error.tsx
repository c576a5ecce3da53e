"use client";

import { SegmentError } from "@/components/ui/segment-error";

// A part that failed once the page was streaming: a French message in its place, the shell kept.
export default function Error({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError reset={reset} />;
}
