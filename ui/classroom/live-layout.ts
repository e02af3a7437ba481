// Where the live economy view draws each business: a d3-force layout of the businesses and their ties,
// run off the render loop (in the live worker). Businesses gather in one disc per sector (so the picture
// reads as a few neighbourhoods, and same-sector ties are short), ties pull tied businesses together and
// collision keeps dots apart. The first layout starts from an even (sunflower) packing of each disc, so a
// short run of d3-force (FIRST_TICKS) settles it. After that positions stay put from month to month: only
// entrants and businesses that gained a tie may move, for FREE_MONTHS months, with the same forces applied
// to them alone (relax). Entrants start next to a business they are tied to in their sector, or at the
// edge of their sector's disc; closed businesses stay where they were and no longer pull.
// Coordinates are in layout units (dots about SPACING apart); the view fits them to its canvas.
import { forceCollide, forceLink, forceSimulation, forceX, forceY, quadtree, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';

interface Node extends SimulationNodeDatum {
  id: number;
  sector: number;
  /** Ties of the business when last seen. */
  degree: number;
  /** Relaxations left in which the business may move (entrants and businesses with new ties). */
  free: number;
}

/** Monthly relaxations a business may move after it enters or gains a tie. */
const FREE_MONTHS = 3;

export interface LayoutInput {
  /** Sector index per business id (length: businesses that exist or existed). */
  sectors: Uint8Array;
  /** Tie pairs [a0, b0, a1, b1, …]. */
  edges: Int32Array;
  /** Whether each business is open (1) or closed (0). */
  open: Uint8Array;
}

/** Ticks of the first layout (the start is already an even packing, so few are needed). */
export const FIRST_TICKS = 80;
/** Ticks after each month, moving only the businesses free to move (at alpha MONTH_ALPHA). */
export const MONTH_TICKS = 20;
const MONTH_ALPHA = 0.25;
const ANCHOR = 0.12;
const COLLIDE = 0.8;
/** d3's default velocity decay (0.4): the share of velocity kept each tick. */
const VELOCITY_KEEP = 0.6;
/** Spacing of the dots in layout units (collision radius is half of it). */
const SPACING = 2.2;

/** A deterministic pseudo-random number in [0, 1) from an integer (so layouts repeat exactly). */
export function hash01(n: number): number {
  let x = (n | 0) + 0x9e3779b9;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

export class LiveLayout {
  private readonly nodes: Node[] = [];
  private readonly anchors: { x: number; y: number; r: number }[] = [];
  private edges: Int32Array = new Int32Array(0);
  private open: Uint8Array = new Uint8Array(0);
  /** Radius of the whole layout (the sector discs and the ring they sit on). */
  readonly radius: number;
  /** Milliseconds spent ticking the force simulation so far (first layout and monthly relaxations). */
  layoutMs = 0;
  firstLayoutMs = 0;

  constructor(input: LayoutInput, sectorCount: number) {
    const counts = new Array<number>(Math.max(1, sectorCount)).fill(0);
    for (const s of input.sectors) counts[s]++;
    // One disc per sector (a sunflower packing of its businesses), the discs side by side on a ring.
    const discs = counts.map((c) => SPACING * 0.55 * Math.sqrt(Math.max(1, c)) + SPACING);
    const ring = counts.length === 1 ? 0 : Math.max(discs.reduce((a, r) => a + 2 * r, 0) / (2 * Math.PI), Math.max(...discs) * 1.1);
    let angle = -Math.PI / 2;
    const perimeter = discs.reduce((a, r) => a + 2 * r, 0);
    for (const r of discs) {
      const mid = angle + (Math.PI * 2 * r) / perimeter;
      angle += (2 * Math.PI * 2 * r) / perimeter;
      // An ellipse rather than a circle: the view is wider than tall (a projector, a laptop).
      this.anchors.push({ x: ring * ASPECT * Math.cos(mid), y: ring * Math.sin(mid), r });
    }
    this.radius = ring * ASPECT + Math.max(...discs);
    this.update(input);
    // The first layout: d3-force over every business and tie, from the sunflower packing.
    const t0 = performance.now();
    const links: SimulationLinkDatum<Node>[] = [];
    for (let i = 0; i < input.edges.length; i += 2) links.push({ source: input.edges[i], target: input.edges[i + 1] });
    forceSimulation<Node>(this.nodes)
      .stop()
      .force('collide', forceCollide<Node>(SPACING / 2).strength(COLLIDE).iterations(1))
      .force('x', forceX<Node>((d) => this.anchor(d.sector).x).strength(ANCHOR))
      .force('y', forceY<Node>((d) => this.anchor(d.sector).y).strength(ANCHOR))
      // Ties within a sector pull more than ties across sectors (which would fold the sectors into one ball).
      .force('link', forceLink<Node, SimulationLinkDatum<Node>>(links).distance(LINK_DISTANCE).strength((l) => linkStrength(l.source as Node, l.target as Node)))
      .alpha(0.5)
      .alphaDecay(1 - Math.pow(0.02, 1 / FIRST_TICKS))
      .tick(FIRST_TICKS);
    // From now on everyone stays put until they gain a tie (update() frees them).
    for (const node of this.nodes) {
      node.vx = 0;
      node.vy = 0;
      node.fx = node.x;
      node.fy = node.y;
    }
    this.firstLayoutMs = performance.now() - t0;
    this.layoutMs += this.firstLayoutMs;
  }

  private anchor(sector: number) {
    return this.anchors[sector] ?? { x: 0, y: 0, r: 0 };
  }

  /** Add new businesses, pin closed ones, refresh the ties (when their number changed). */
  update(input: LayoutInput): void {
    const { sectors, edges, open } = input;
    const first = this.nodes.length === 0;
    // Who each new business is tied to (the first tie found), to start it next to that business.
    const tiedTo = new Int32Array(sectors.length).fill(-1);
    if (!first) {
      for (let i = 0; i < edges.length; i += 2) {
        const [a, b] = [edges[i], edges[i + 1]];
        if (a >= this.nodes.length && tiedTo[a] < 0 && b < this.nodes.length) tiedTo[a] = b;
        if (b >= this.nodes.length && tiedTo[b] < 0 && a < this.nodes.length) tiedTo[b] = a;
      }
    }
    const inSector = new Array<number>(this.anchors.length).fill(0);
    let perSector: number[] | undefined;
    for (let id = this.nodes.length; id < sectors.length; id++) {
      const sector = sectors[id];
      const anchor = this.anchor(sector);
      let x: number, y: number;
      const u = hash01(id * 2 + 1), v = hash01(id * 2 + 2);
      if (first) {
        // Sunflower packing inside the sector's disc: even spacing from the start.
        const j = inSector[sector]++;
        const r = SPACING * 0.55 * Math.sqrt(j + 0.5);
        const a = j * GOLDEN_ANGLE;
        x = anchor.x + r * Math.cos(a);
        y = anchor.y + r * Math.sin(a);
      } else if (tiedTo[id] >= 0 && this.nodes[tiedTo[id]].sector === sector) {
        const near = this.nodes[tiedTo[id]];
        x = (near.x ?? 0) + SPACING * Math.cos(2 * Math.PI * v);
        y = (near.y ?? 0) + SPACING * Math.sin(2 * Math.PI * v);
      } else {
        // At the edge of its sector's disc (as large as the sector has grown), away from the centre.
        const edge = SPACING * 0.55 * Math.sqrt((perSector ??= this.sectorCounts(sectors))[sector] ?? 1) + SPACING * 0.5;
        const a = Math.atan2(anchor.y, anchor.x) + (u - 0.5) * 2.4;
        x = anchor.x + edge * Math.cos(a);
        y = anchor.y + edge * Math.sin(a);
      }
      this.nodes.push({ id, sector, x, y, vx: 0, vy: 0, degree: 0, free: first ? 0 : FREE_MONTHS });
    }
    // Businesses that gained a tie may move for a few months (towards their new partners).
    const degree = new Uint16Array(this.nodes.length);
    for (let i = 0; i < edges.length; i++) degree[edges[i]]++;
    for (const node of this.nodes) {
      if (degree[node.id] !== node.degree) {
        if (!first) node.free = FREE_MONTHS;
        node.degree = degree[node.id];
      }
      // Everyone else stays where they are: closed businesses for good, open ones until their ties change.
      const moves = first || (open[node.id] && node.free > 0);
      node.fx = moves ? null : node.x;
      node.fy = moves ? null : node.y;
    }
    this.edges = edges;
    this.open = open;
  }

  /** Businesses per sector (ids below `sectors.length`). */
  private sectorCounts(sectors: Uint8Array): number[] {
    const counts = this.anchors.map(() => 0);
    for (const s of sectors) counts[s]++;
    return counts;
  }

  /**
   * Let the businesses that may move (entrants, new ties) settle: a few ticks of the same forces as the
   * first layout — the pull to their sector, their ties, collision — applied to them only, against everyone
   * else held still. Written for the few that move (a quadtree of the still ones), so a month costs little
   * however many businesses there are.
   */
  relax(ticks = MONTH_TICKS): void {
    const t0 = performance.now();
    const free = this.nodes.filter((n) => n.fx == null);
    if (free.length > 0) {
      const isFree = new Uint8Array(this.nodes.length);
      for (const f of free) isFree[f.id] = 1;
      // Tie partners (open businesses) of the moving ones.
      const partners = new Map<number, Node[]>();
      const e = this.edges;
      for (let i = 0; i < e.length; i += 2) {
        const a = e[i], b = e[i + 1];
        if (!this.open[a] || !this.open[b]) continue;
        if (isFree[a]) (partners.get(a) ?? partners.set(a, []).get(a)!).push(this.nodes[b]);
        if (isFree[b]) (partners.get(b) ?? partners.set(b, []).get(b)!).push(this.nodes[a]);
      }
      const still = quadtree<Node>()
        .x((d) => d.x ?? 0)
        .y((d) => d.y ?? 0)
        .addAll(this.nodes.filter((n) => !isFree[n.id]));
      const R = SPACING; // closest two centres may be
      const push = (f: Node, ox: number, oy: number, share: number) => {
        let dx = (f.x ?? 0) + (f.vx ?? 0) - ox, dy = (f.y ?? 0) + (f.vy ?? 0) - oy;
        let d2 = dx * dx + dy * dy;
        if (d2 >= R * R) return;
        if (d2 === 0) {
          dx = (hash01(f.id) - 0.5) * 1e-3;
          dy = (hash01(f.id + 7) - 0.5) * 1e-3;
          d2 = dx * dx + dy * dy;
        }
        const d = Math.sqrt(d2);
        const k = ((R - d) / d) * COLLIDE * share;
        f.vx = (f.vx ?? 0) + dx * k;
        f.vy = (f.vy ?? 0) + dy * k;
      };
      for (let t = 0; t < ticks; t++) {
        for (const f of free) {
          const a = this.anchor(f.sector);
          const fx = f.x ?? 0, fy = f.y ?? 0;
          f.vx = (f.vx ?? 0) + (a.x - fx) * ANCHOR * MONTH_ALPHA;
          f.vy = (f.vy ?? 0) + (a.y - fy) * ANCHOR * MONTH_ALPHA;
          for (const q of partners.get(f.id) ?? []) {
            const dx = (q.x ?? 0) - fx, dy = (q.y ?? 0) - fy;
            const l = Math.hypot(dx, dy);
            if (l === 0) continue;
            // A partner that moves too takes half the pull.
            const k = ((l - LINK_DISTANCE) / l) * MONTH_ALPHA * linkStrength(f, q) * (isFree[q.id] ? 0.5 : 1);
            f.vx += dx * k;
            f.vy += dy * k;
          }
        }
        for (const f of free) {
          const fx = (f.x ?? 0) + (f.vx ?? 0), fy = (f.y ?? 0) + (f.vy ?? 0);
          still.visit((quad, x0, y0, x1, y1) => {
            if (!quad.length) {
              let leaf: typeof quad | undefined = quad;
              while (leaf && !leaf.length) {
                const o = (leaf as { data: Node }).data;
                push(f, o.x ?? 0, o.y ?? 0, 1);
                leaf = (leaf as { next?: typeof quad }).next;
              }
            }
            return x0 > fx + R || x1 < fx - R || y0 > fy + R || y1 < fy - R;
          });
        }
        for (let i = 0; i < free.length; i++) {
          for (let j = i + 1; j < free.length; j++) {
            const f = free[i], g = free[j];
            const gx = (g.x ?? 0) + (g.vx ?? 0), gy = (g.y ?? 0) + (g.vy ?? 0);
            const before = { vx: f.vx ?? 0, vy: f.vy ?? 0 };
            push(f, gx, gy, 0.5);
            // Equal and opposite.
            g.vx = (g.vx ?? 0) - ((f.vx ?? 0) - before.vx);
            g.vy = (g.vy ?? 0) - ((f.vy ?? 0) - before.vy);
          }
        }
        for (const f of free) {
          f.vx = (f.vx ?? 0) * VELOCITY_KEEP;
          f.vy = (f.vy ?? 0) * VELOCITY_KEEP;
          f.x = (f.x ?? 0) + f.vx;
          f.y = (f.y ?? 0) + f.vy;
        }
      }
      for (const f of free) {
        f.vx = 0;
        f.vy = 0;
      }
    }
    for (const node of this.nodes) if (node.free > 0) node.free--;
    this.layoutMs += performance.now() - t0;
  }

  /**
   * An independent copy with the same positions and state: the layout of a second economy that starts as
   * this one (the live run's counterfactual arm), without laying the same start out twice.
   */
  clone(): LiveLayout {
    const copy = Object.create(LiveLayout.prototype) as LiveLayout;
    return Object.assign(copy, this, { nodes: this.nodes.map((n) => ({ ...n })), anchors: this.anchors.map((a) => ({ ...a })) });
  }

  /** Positions [x0, y0, x1, y1, …] per business id. */
  positions(): Float32Array {
    const out = new Float32Array(this.nodes.length * 2);
    for (let i = 0; i < this.nodes.length; i++) {
      out[2 * i] = this.nodes[i].x ?? 0;
      out[2 * i + 1] = this.nodes[i].y ?? 0;
    }
    return out;
  }

  /** Centre and radius of each sector's disc (for labels). */
  sectorDiscs(): { x: number; y: number; r: number }[] {
    return this.anchors.map((a) => ({ ...a }));
  }
}

/** Width ÷ height of the ring the sector discs sit on. */
const ASPECT = 1.5;
const LINK_DISTANCE = SPACING * 1.2;
const linkStrength = (a: Node, b: Node) => (a.sector === b.sector ? 0.12 : 0.01);
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
