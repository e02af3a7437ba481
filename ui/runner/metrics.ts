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
  /** The unit of the effect, in the words of the CLI's compare CSV (docs/output.md): the effects CSV's `unit`. */
  unit: string;
}

export const CHARTED_SERIES: readonly ChartedSeries[] = [
  { id: 'turnover', group: 'participants', metric: 'turnover', kind: 'rupiah', headline: true, unit: 'rupiah/month per participant' },
  { id: 'customers', group: 'participants', metric: 'customers', kind: 'count', headline: true, unit: 'customers per participant' },
  { id: 'production', group: 'participants', metric: 'production', kind: 'rupiah', headline: true, unit: 'rupiah/month per participant at start prices' },
  { id: 'digitalAdoption', group: 'participants', metric: 'digitalAdoption', kind: 'share', headline: true, unit: 'share of open participants' },
  { id: 'jobs', group: 'economy', metric: 'totalJobs', kind: 'count', headline: false, unit: 'workers' },
  { id: 'localGdp', group: 'economy', metric: 'localGdp', kind: 'rupiah', headline: false, unit: 'rupiah/month' },
  { id: 'localRawMaterialDemand', group: 'all', metric: 'localRawMaterialDemand', kind: 'rupiah', headline: false, unit: 'rupiah/month' },
  { id: 'consumerPriceIndex', group: 'economy', metric: 'consumerPriceIndex', kind: 'share', headline: false, unit: 'index (start = 1)' },
  { id: 'unemploymentRate', group: 'economy', metric: 'unemploymentRate', kind: 'share', headline: false, unit: 'share of labour force' },
  { id: 'womenTurnover', group: 'participants', metric: 'womenTurnover', kind: 'rupiah', headline: false, unit: 'rupiah/month per woman-owned participant' },
];

export const ESTIMATES = [
  { id: 'localGdpPerRupiah', kind: 'ratio', unit: 'rupiah of local GDP per rupiah of cost' },
  { id: 'costPerJob', kind: 'rupiah', unit: 'rupiah per job' },
  { id: 'spendingMultiplier', kind: 'ratio', unit: 'rupiah of local output per rupiah of new outside demand' },
  { id: 'lm3', kind: 'ratio', unit: 'ratio' },
] as const satisfies readonly { id: string; kind: ValueKind; unit: string }[];

export type EstimateId = (typeof ESTIMATES)[number]['id'];
