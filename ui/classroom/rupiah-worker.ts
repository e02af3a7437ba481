// A module Web Worker for follow the rupiah: runs the design for a year with the business accounts tapped
// (the same sim/ code as Node) and returns the cells and the two lesson businesses.
/// <reference lib="webworker" />
import { computeRupiahData, type RupiahRequest, type RupiahResponse } from './rupiah-data.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<RupiahRequest>) => {
  const { id, scenario, seed } = event.data;
  let response: RupiahResponse;
  try {
    response = { id, ok: true, data: computeRupiahData(scenario, seed) };
  } catch (e) {
    response = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(response);
};
