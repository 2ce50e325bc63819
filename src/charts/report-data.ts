/**
 * The data a research report carries (embedded as JSON in the HTML file and
 * drawn by report-app.ts). Plain data only. Imports nothing.
 */

export interface ReportSeries {
  name: string;
  mean: number[];
  low: number[];
  high: number[];
}

export interface ReportMetric {
  /** Column in runs.csv, e.g. companyProfit_cumulative. */
  column: string;
  /** Reporter name, e.g. companyProfit. */
  reporter: string;
  /** Unit and rule are written in the report's language. */
  unit: string;
  /** How the run-level value is made: sum, mean or last over quarters. */
  rule: string;
  /** Per quarter, one series per point (or one pooled series); absent without quarters.csv. */
  quarterly: ReportSeries[] | null;
  distribution: { edges: number[]; rows: { name: string; counts: number[]; mean: number; low: number; high: number }[] };
}

export interface ReportSensitivity {
  method: 'sobol' | 'morris';
  metric: string;
  /** The metric's unit in the report's language (as ReportMetric's): Morris μ* and σ are in it. */
  unit: string;
  indexNames: string[];
  bars: { factor: string; values: { value: number; low?: number; high?: number }[] }[];
}

export interface ReportData {
  /** The report's language as a BCP 47 locale (numbers on the page are written for it), e.g. nl-NL. */
  locale: string;
  /** The page script's messages (`research.chart.*`) in the report's language only: key → template with {placeholders}. */
  messages: Record<string, string>;
  experiment: string;
  pointNames: string[];
  /** True when the design has too many points to draw one series each: charts pool all runs. */
  pooled: boolean;
  metrics: ReportMetric[];
  sensitivity: ReportSensitivity[];
}

/** Report charts fill the page's content column. */
export const REPORT_WIDTH = 960;
