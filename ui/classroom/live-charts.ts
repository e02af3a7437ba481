// The live run's numbers as line charts (what trainers open in their own window on a second screen):
// the jobs the design has added so far and local GDP per month, one point per simulated month.
import type { LineChartSpec, TidyRow } from '../charts/types.js';
import { t } from '../i18n/i18n.js';
import type { LiveNumbers } from './types.js';

const line = (id: string, label: string, months: number[], values: number[]) => ({ id, label, months, mean: values, low: values, high: values });

/** The charts of the live run; each line is labelled with the design's name (e.g. "Rancangan A"). */
export function liveSpecs(history: readonly LiveNumbers[], design = ''): LineChartSpec[] {
  const months = history.map((h) => h.month);
  const name = design || t('classroom.liveChart.design');
  return [
    {
      id: 'live-jobs',
      title: t('classroom.liveChart.jobs'),
      yLabel: t('classroom.liveChart.jobsAxis'),
      kind: 'count',
      series: [line('program', name, months, history.map((h) => h.jobsEffect))],
    },
    {
      id: 'live-local-gdp',
      title: t('classroom.liveChart.localGdp'),
      yLabel: t('classroom.liveChart.localGdpAxis'),
      kind: 'rupiah',
      series: [line('program', name, months, history.map((h) => h.localGdp))],
    },
  ];
}

/** Tidy rows of the live run (arm "live", group "economy"), for the charts' CSV download. */
export function liveRows(history: readonly LiveNumbers[], design: string, seed: number): Record<string, TidyRow[]> {
  const rows = (metric: string, value: (h: LiveNumbers) => number | null) =>
    history.map((h) => ({ design, scenario: design, seed, month: h.month, arm: 'live', group: 'economy', metric, value: value(h) }));
  return { 'live-jobs': rows('totalJobsEffect', (h) => h.jobsEffect), 'live-local-gdp': rows('localGdp', (h) => h.localGdp) };
}
