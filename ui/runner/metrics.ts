// The monthly series the comparison charts show, each as the effect program − counterfactual of one
// group's metric (the CLI's run CSV names: group, metric), and the summary estimates. CHARTED_SERIES is not
// sim/experiment/record.ts's SERIES_METRICS, the catalogue of every series an experiment may record.
import type { ValueKind } from '../charts/types.js';

export interface ChartedSeries {
  /** Chart id and i18n key suffix. */
  id: string;
  group: 'participants' | 'all' | 'economy';
  metric: string;
  kind: ValueKind;
  /** The study's Figure 2: the headline charts. */
  headline: boolean;
}

export const CHARTED_SERIES: readonly ChartedSeries[] = [
  { id: 'turnover', group: 'participants', metric: 'turnover', kind: 'rupiah', headline: true },
  { id: 'customers', group: 'participants', metric: 'customers', kind: 'count', headline: true },
  { id: 'production', group: 'participants', metric: 'production', kind: 'rupiah', headline: true },
  { id: 'digitalAdoption', group: 'participants', metric: 'digitalAdoption', kind: 'share', headline: true },
  { id: 'jobs', group: 'economy', metric: 'totalJobs', kind: 'count', headline: false },
  { id: 'localGdp', group: 'economy', metric: 'localGdp', kind: 'rupiah', headline: false },
  { id: 'localRawMaterialDemand', group: 'all', metric: 'localRawMaterialDemand', kind: 'rupiah', headline: false },
  { id: 'consumerPriceIndex', group: 'economy', metric: 'consumerPriceIndex', kind: 'share', headline: false },
  { id: 'unemploymentRate', group: 'economy', metric: 'unemploymentRate', kind: 'share', headline: false },
  { id: 'womenTurnover', group: 'participants', metric: 'womenTurnover', kind: 'rupiah', headline: false },
];

export const ESTIMATES = [
  { id: 'localGdpPerRupiah', kind: 'ratio' },
  { id: 'costPerJob', kind: 'rupiah' },
  { id: 'spendingMultiplier', kind: 'ratio' },
  { id: 'lm3', kind: 'ratio' },
] as const satisfies readonly { id: string; kind: ValueKind }[];

export type EstimateId = (typeof ESTIMATES)[number]['id'];
