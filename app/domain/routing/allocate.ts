import type { SearchCandidate } from "./rule";
import type { Assignment, OrderLine } from "./types";

export interface Allocation {
  assignments: Assignment[];
  /** Units left unassigned per line id. */
  unfilledByLine: Map<string, number>;
  unfilled: number;
}

/** Lines of one sku sharing a location's stock without splitting: exact up to this many lines. */
const EXACT_PACKING_LINES = 10;

/**
 * The assignment step: given the chosen locations, say which location ships which units of which
 * line. Locations are used closest first. With split lines a sku's demand is taken from each
 * location in turn (so every unit that the set can fill is filled); without, each line goes whole
 * to one location, and lines sharing a sku are packed to fill as many units as possible.
 */
export function allocate(
  lines: readonly OrderLine[],
  chosen: readonly SearchCandidate[],
  allowSplitLines: boolean,
): Allocation {
  const byDistance = [...chosen].sort((a, b) => a.km - b.km || a.location.id.localeCompare(b.location.id));
  const assignments: Assignment[] = [];
  const unfilledByLine = new Map<string, number>();
  let unfilled = 0;
  for (const [sku, skuLines] of groupBySku(lines)) {
    const stock = byDistance.map((c) => Math.max(0, c.available.get(sku) ?? 0));
    if (allowSplitLines) {
      let from = 0;
      for (const line of skuLines) {
        let need = line.quantity;
        while (need > 0 && from < stock.length) {
          const left = stock[from] ?? 0;
          const take = Math.min(need, left);
          if (take > 0) {
            assignments.push({ locationId: (byDistance[from] as SearchCandidate).location.id, lineId: line.id, sku, quantity: take });
            need -= take;
            stock[from] = left - take;
          }
          if ((stock[from] ?? 0) === 0) from++;
        }
        if (need > 0) {
          unfilledByLine.set(line.id, need);
          unfilled += need;
        }
      }
    } else {
      const target = packLines(
        skuLines.map((l) => l.quantity),
        stock,
      );
      skuLines.forEach((line, k) => {
        const at = target[k] ?? -1;
        if (at >= 0) {
          assignments.push({ locationId: (byDistance[at] as SearchCandidate).location.id, lineId: line.id, sku, quantity: line.quantity });
        } else if (line.quantity > 0) {
          unfilledByLine.set(line.id, line.quantity);
          unfilled += line.quantity;
        }
      });
    }
  }
  return { assignments, unfilledByLine, unfilled };
}

export function groupBySku(lines: readonly OrderLine[]): Map<string, OrderLine[]> {
  const groups = new Map<string, OrderLine[]>();
  for (const line of lines) {
    const group = groups.get(line.sku);
    if (group) group.push(line);
    else groups.set(line.sku, [line]);
  }
  return groups;
}

/**
 * Whole lines into location stocks, maximising the units placed; ties go to the earlier
 * (closer) location. Returns the location index per line, or -1 for a line left unfilled.
 */
export function packLines(quantities: readonly number[], stocks: readonly number[]): number[] {
  const order = quantities.map((q, k) => ({ q, k })).sort((a, b) => b.q - a.q || a.k - b.k);
  const result = quantities.map(() => -1);
  const left = [...stocks];
  if (order.length > EXACT_PACKING_LINES) {
    for (const { q, k } of order) {
      const at = left.findIndex((s) => s >= q);
      if (at >= 0 && q > 0) {
        result[k] = at;
        left[at] = (left[at] ?? 0) - q;
      }
    }
    return result;
  }
  const total = quantities.reduce((a, b) => a + b, 0);
  let bestUnits = -1;
  let bestTarget: number[] = result;
  const target = quantities.map(() => -1);
  const place = (idx: number, placed: number, rest: number): boolean => {
    if (placed + rest <= bestUnits) return false;
    if (idx === order.length) {
      bestUnits = placed;
      bestTarget = target.slice();
      return placed === total;
    }
    const { q, k } = order[idx] as { q: number; k: number };
    for (let at = 0; at < left.length && q > 0; at++) {
      if ((left[at] ?? 0) < q) continue;
      left[at] = (left[at] ?? 0) - q;
      target[k] = at;
      const done = place(idx + 1, placed + q, rest - q);
      left[at] = (left[at] ?? 0) + q;
      target[k] = -1;
      if (done) return true;
    }
    return place(idx + 1, placed, rest - q);
  };
  place(0, 0, total);
  return bestTarget;
}
