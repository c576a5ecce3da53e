// What the dashboard's components receive: plain data, no database types, so components stay
// free of server-only imports.

export type PatientStatistics = {
  total: number;
  /** Created since the first day of this month, Luxembourg time. */
  newThisMonth: number;
};

export type AppointmentStatistics = {
  /** Not cancelled, starting today (Luxembourg calendar day). */
  today: number;
  /** Not cancelled, starting today or in the 6 following days. */
  next7Days: number;
  /** Not cancelled, starting this calendar month. */
  thisMonth: number;
  /** Of thisMonth, those booked online by the patient (« dont en ligne »). */
  thisMonthOnline: number;
  /** Cancelled ÷ every appointment of the month; null when the month has none. */
  cancellationRate: number | null;
  /** No-shows ÷ the month's appointments already due (started, not cancelled); null when none is due yet. */
  noShowRate: number | null;
};

export type ReviewStatistics = {
  /** Published reviews only: a hidden review counts nowhere. */
  count: number;
  averageRating: number | null;
  last30Days: number;
};

export type WeeklyAppointments = {
  /** Monday of the week, Luxembourg calendar date (YYYY-MM-DD). */
  weekStart: string;
  /** Not cancelled appointments that week. */
  count: number;
};

export type DashboardStatistics = {
  patients: PatientStatistics;
  appointments: AppointmentStatistics;
  reviews: ReviewStatistics;
  /** The last 12 weeks, oldest first, the current week last. */
  weeks: WeeklyAppointments[];
};

export type ConnectionMode = "direct" | "secretary";

export type ConnectionHistoryRow = {
  id: string;
  at: Date;
  ip: string;
  mode: ConnectionMode;
  /** The secretary who connected, for « Via secrétariat » rows. */
  secretaryName: string | null;
  browser: string;
  os: string;
  /** The row of the session reading the page. */
  current: boolean;
};

export type ConnectionHistoryPage = {
  rows: ConnectionHistoryRow[];
  mode: ConnectionMode | null;
  /** Cursor of the page before (more recent rows), or null on the first page. */
  newerCursor: string | null;
  /** Cursor of the page after (older rows), or null on the last page. */
  olderCursor: string | null;
};
