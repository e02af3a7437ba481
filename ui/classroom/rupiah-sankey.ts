// The follow-the-rupiah Sankey's geometry: one column per round (so the graph stays acyclic), laid out by
// d3-sankey over every round of the trace so nothing moves as the trainer steps; rounds after the current
// one are laid out but not shown. Pure: a trace and labels in, positioned nodes and links out.
import { sankey, sankeyLeft, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import type { FlowClass, RupiahTrace, TraceFlow, TraceNode } from '../../sim/classroom/rupiah.js';
import { OKABE_ITO, textColour } from '../charts/palette.js';

/** Colours by what happens to the money (Okabe–Ito; grey for money that stays put). */
export const CLASS_COLOURS: Record<FlowClass | 'start', string> = {
  start: OKABE_ITO.blue,
  local: OKABE_ITO.bluishGreen,
  leakage: OKABE_ITO.vermillion,
  owner: OKABE_ITO.reddishPurple,
  ownSector: '#8c8c8c',
  kept: '#8c8c8c',
};

/** Flows smaller than this share of the amount are left out of the drawing (they stay in the table). */
export const SMALL_FLOW_SHARE = 0.002;

export const SANKEY_WIDTH = 1000;
export const SANKEY_HEIGHT = 470;
/**
 * The box in trainer mode: narrower and much lower, so the same text is drawn larger. On a 1280 × 720
 * projector the diagram is held to 70% of the screen's height (504 px) and about 1,240 px of width, a
 * scale of about 1.7 (narrower where the lesson takes part of the width: rupiah-card.ts trainerBox).
 */
export const SANKEY_TRAINER_WIDTH = 715;
export const SANKEY_TRAINER_HEIGHT = 290;
/** Room kept on the right in trainer mode for the labels of the round on screen (only they are labelled). */
export const SANKEY_TRAINER_LABEL_ROOM = 250;
/**
 * The same on a screen: room on the right for the round on screen's names, amounts and notes (a note of
 * about 60 characters at 12 units). The rounds before it keep their colours, not their labels, so no
 * label ever lies over a flow.
 */
export const SANKEY_LABEL_ROOM = 380;
const MARGIN = { top: 34, right: 8, bottom: 8, left: 8 };
const NODE_WIDTH = 16;

export interface SankeyLabels {
  /** Node title (its sector or role). */
  node(node: TraceNode): string;
  /** Extra line under the amount (e.g. the kinds a leakage node receives, "not counted by LM3"). */
  note(node: TraceNode, kinds: string[]): string;
  kind(kind: TraceFlow['kind']): string;
  amount(value: number): string;
  round(round: number): string;
}

export interface PlacedNode {
  id: string;
  round: number;
  role: TraceNode['role'];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  colour: string;
  textColour: string;
  title: string;
  amount: string;
  note: string;
  /** Label on the right of the node (left in the last column), its first line's baseline kept clear of its neighbours'. */
  labelSide: 'right' | 'left';
  labelY: number;
}

export interface PlacedLink {
  round: number;
  from: string;
  to: string;
  cls: FlowClass;
  kind: string;
  value: number;
  width: number;
  path: string;
  colour: string;
}

export interface SankeyLayout {
  width: number;
  height: number;
  columns: { round: number; x: number; anchor: 'start' | 'middle' | 'end'; label: string }[];
  nodes: PlacedNode[];
  links: PlacedLink[];
}

/** Label lines: title and amount on one, the note (if any) under it. */
export const LABEL_LINE = 15;
const labelLines = (n: PlacedNode) => (n.note ? 2 : 1);

/** Labels centred on their nodes, pushed apart within a column so none overlaps, kept inside the box. */
function placeLabels(nodes: PlacedNode[], height: number): void {
  const columns = new Map<number, PlacedNode[]>();
  for (const n of nodes) columns.set(n.round, [...(columns.get(n.round) ?? []), n]);
  for (const column of columns.values()) {
    column.sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
    let floor = MARGIN.top + 4;
    for (const n of column) {
      const block = labelLines(n) * LABEL_LINE;
      const top = Math.max((n.y0 + n.y1) / 2 - block / 2, floor);
      n.labelY = top + LABEL_LINE - 3;
      floor = top + block + 2;
    }
    // Too low at the bottom: shift the column's labels up as a block (the first ones keep their order).
    const over = floor - (height - 2);
    if (over > 0) for (const n of column) n.labelY -= over;
  }
}

const ROLE_ORDER: Record<TraceNode['role'], number> = { start: 0, local: 1, owner: 2, ownSector: 3, kept: 4, leakage: 5 };
const SECTOR_ORDER = ['participants', 'otherBusinesses', 'households', 'suppliers', 'program', 'government', 'lender', 'restOfWorld'];

interface N { id: string; trace: TraceNode }
/** Top-to-bottom order within a column: the business, local sectors, the owner, kept money, leakages. */
const order = (n: N) => ROLE_ORDER[n.trace.role] * 16 + SECTOR_ORDER.indexOf(n.trace.sector ?? '');
interface L { cls: FlowClass; kind: string; round: number }

/**
 * Lay out the whole trace (every round) in a width × height box. With `labelRoom`, the columns leave that
 * much width free on the right and every label goes right of its node (the last round's too).
 */
export function layoutSankey(trace: RupiahTrace, labels: SankeyLabels, width = SANKEY_WIDTH, height = SANKEY_HEIGHT, labelRoom = 0): SankeyLayout {
  const threshold = trace.amount * SMALL_FLOW_SHARE;
  const flows = trace.flows.filter((f) => f.amount >= threshold);
  const used = new Set<string>(['1:business']);
  for (const f of flows) {
    used.add(f.from);
    used.add(f.to);
  }
  const traceNodes = trace.nodes.filter((n) => used.has(n.id));
  const index = new Map(traceNodes.map((n, i) => [n.id, i]));
  const kindsInto = new Map<string, string[]>();
  for (const f of flows) {
    const list = kindsInto.get(f.to) ?? [];
    const label = labels.kind(f.kind);
    if (!list.includes(label)) list.push(label);
    kindsInto.set(f.to, list);
  }
  const rounds = trace.rounds.length;
  const layout = sankey<N, L>()
    .nodeId((n) => n.id)
    .nodeAlign(sankeyLeft)
    .nodeWidth(NODE_WIDTH)
    .nodePadding(14)
    .nodeSort((a, b) => order(a) - order(b))
    // Links leave and enter each node in the order of the nodes they join: no crossing within a column.
    .linkSort((a, b) => order(a.target as N) - order(b.target as N) || order(a.source as N) - order(b.source as N))
    .extent([
      [MARGIN.left, MARGIN.top],
      [width - MARGIN.right - labelRoom, height - MARGIN.bottom],
    ]);
  const graph = layout({
    nodes: traceNodes.map((n) => ({ id: n.id, trace: n })),
    links: flows
      .filter((f) => index.has(f.from) && index.has(f.to))
      .map((f) => ({ source: f.from, target: f.to, value: f.amount, cls: f.cls, kind: labels.kind(f.kind), round: f.round })),
  });
  // A trace with a single round has no links: the start node still gets its height.
  const ky = graph.links.length > 0 ? (graph.links[0].width ?? 0) / graph.links[0].value : (height - MARGIN.top - MARGIN.bottom) / trace.amount;
  const x = (round: number) => MARGIN.left + ((round - 1) * (width - labelRoom - MARGIN.left - MARGIN.right - NODE_WIDTH)) / Math.max(1, rounds - 1);
  const nodes: PlacedNode[] = (graph.nodes as SankeyNode<N, L>[]).map((n) => {
    const role = n.trace.role;
    const colour = CLASS_COLOURS[role];
    let y0 = n.y0 ?? 0, y1 = n.y1 ?? 0;
    if (graph.links.length === 0) {
      y0 = MARGIN.top;
      y1 = MARGIN.top + trace.amount * ky;
    }
    const x0 = x(n.trace.round);
    return {
      id: n.id,
      round: n.trace.round,
      role,
      x0,
      x1: x0 + NODE_WIDTH,
      y0,
      y1,
      colour,
      textColour: textColour(colour),
      title: labels.node(n.trace),
      amount: labels.amount(n.trace.amount),
      note: labels.note(n.trace, kindsInto.get(n.id) ?? []),
      labelSide: n.trace.round === rounds && labelRoom === 0 ? 'left' : 'right',
      labelY: 0,
    };
  });
  placeLabels(nodes, height);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path = sankeyLinkHorizontal<N, L>();
  const links: PlacedLink[] = (graph.links as SankeyLink<N, L>[]).map((l) => {
    const source = l.source as SankeyNode<N, L>;
    const target = l.target as SankeyNode<N, L>;
    // Columns are fixed by round (sankeyLeft already does so; this keeps it exact for partial traces).
    const sx = byId.get(source.id)!.x1;
    const tx = byId.get(target.id)!.x0;
    const shifted = { ...l, source: { ...source, x1: sx }, target: { ...target, x0: tx } } as SankeyLink<N, L>;
    const width = l.width ?? 0;
    return {
      round: l.round,
      from: source.id,
      to: target.id,
      cls: l.cls,
      kind: l.kind,
      value: l.value,
      width,
      path: path(shifted) ?? '',
      colour: CLASS_COLOURS[l.cls],
    };
  });
  const columns = Array.from({ length: rounds }, (_, i) => {
    const round = i + 1;
    const anchor = round === 1 ? 'start' : round === rounds && labelRoom === 0 ? 'end' : 'middle';
    const at = anchor === 'start' ? x(round) : anchor === 'end' ? x(round) + NODE_WIDTH : x(round) + NODE_WIDTH / 2;
    return { round, x: at, anchor, label: labels.round(round) } as const;
  });
  return { width, height, columns, nodes, links };
}
