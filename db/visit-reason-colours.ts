// The colours a reason for visit (« motif ») may take: keys only, stored in visit_reasons.colour
// and checked there by a CHECK. What each looks like lives with the agenda (lib/agenda/palette.ts);
// no import here, so both the schema and the browser can use the list.
export const VISIT_REASON_COLOURS = ["blue", "green", "orange", "purple", "red", "teal", "pink", "grey"] as const;

export type VisitReasonColour = (typeof VISIT_REASON_COLOURS)[number];
