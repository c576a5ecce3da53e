import type { Metadata } from "next";
import { ConnectionHistory } from "@/components/dashboard/connection-history";
import { AppointmentsCard, PatientsCard, ReviewsCard } from "@/components/dashboard/statistic-cards";
import { WeeklyAppointmentsChart } from "@/components/dashboard/weekly-appointments-chart";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { connectionHistoryPage } from "@/lib/dashboard/connection-history";
import { parseHistorySearchParams } from "@/lib/dashboard/schema";
import { dashboardStatistics } from "@/lib/dashboard/statistics";
import { displayName } from "@/lib/users/display-name";

export const metadata: Metadata = { title: "Tableau de bord" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const access = await requirePracticeAccess();
  const { query, notices } = parseHistorySearchParams(await searchParams);
  const [statistics, history] = await Promise.all([dashboardStatistics(access), connectionHistoryPage(access, query)]);
  const { doctor } = access;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Tableau de bord</h1>
        <p className="text-slate-600">
          {displayName(doctor)}
          {doctor.specialty && <span className="text-slate-500"> · {doctor.specialty}</span>}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <PatientsCard patients={statistics.patients} />
        <AppointmentsCard appointments={statistics.appointments} weeks={statistics.weeks} />
        <ReviewsCard reviews={statistics.reviews} />
      </div>
      <WeeklyAppointmentsChart weeks={statistics.weeks} />
      {history && <ConnectionHistory page={history} notices={notices} />}
    </div>
  );
}
