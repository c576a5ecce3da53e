"use client";

import { useEffect } from "react";

/** A private page restored from the browser's back-forward cache is reloaded, so the server decides again. */
export function BackForwardGuard() {
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) window.location.reload();
    };
    window.addEventListener("pageshow", onShow);
    return () => window.removeEventListener("pageshow", onShow);
  }, []);
  return null;
}
