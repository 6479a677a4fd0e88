-- DropIndex
DROP INDEX "calls_dashboard_kpis";

-- DropIndex
DROP INDEX "calls_dashboard_results_by_day";
