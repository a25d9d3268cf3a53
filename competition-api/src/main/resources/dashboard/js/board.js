// The state of a board as its stream describes it: a snapshot replaces everything, a change patches it.
// Each update reports how entries moved, so that the view can show arrows and highlight what changed.

/** @typedef {{rank:number, position:number, registrationNumber:number, stationNumber:string, entrant:string,
 *  enterprise:string, total:number, status:string, provisional:boolean}} Line */

export class BoardState {
  constructor() {
    /** @type {Map<number, Line>} the leading entries, by registration number */
    this.lines = new Map();
    /** @type {Map<number, {delta:number, isNew:boolean}>} the last movement of each entry */
    this.moves = new Map();
    this.total = 0;
    this.sequence = -1;
    /** @type {string|null} when the board was frozen (封榜), an ISO instant; null while it is live */
    this.frozenSince = null;
  }

  /** Replaces the state; entries known before keep (and update) their movement. Returns the registration
   *  numbers whose line changed. */
  snapshot({ sequence, total, top, frozenSince }) {
    const before = this.lines;
    this.lines = new Map();
    const changed = [];
    for (const line of top) {
      this.lines.set(line.registrationNumber, line);
      if (this.sequence >= 0 && !sameLine(before.get(line.registrationNumber), line)) {
        this.#moved(before.get(line.registrationNumber), line);
        changed.push(line.registrationNumber);
      }
    }
    this.#forgetMovesOfAbsent();
    this.total = total;
    this.sequence = sequence;
    this.frozenSince = frozenSince ?? null;
    return changed;
  }

  /** Applies a change: drop what left the leading entries, replace or add what changed. */
  change({ sequence, total, changed, leftTop, frozenSince }) {
    for (const number of leftTop) {
      this.lines.delete(number);
    }
    for (const line of changed) {
      this.#moved(this.lines.get(line.registrationNumber), line);
      this.lines.set(line.registrationNumber, line);
    }
    this.#forgetMovesOfAbsent();
    this.total = total;
    this.sequence = sequence;
    this.frozenSince = frozenSince ?? null;
    return changed.map(line => line.registrationNumber);
  }

  /** The leading entries in display order. */
  ordered() {
    return [...this.lines.values()].sort((a, b) => a.position - b.position);
  }

  #moved(before, after) {
    if (!before) {
      this.moves.set(after.registrationNumber, { delta: 0, isNew: true });
    } else if (before.position !== after.position) {
      // Positive: it rose (a smaller position is a better place).
      this.moves.set(after.registrationNumber, { delta: before.position - after.position, isNew: false });
    }
  }

  #forgetMovesOfAbsent() {
    for (const number of this.moves.keys()) {
      if (!this.lines.has(number)) {
        this.moves.delete(number);
      }
    }
  }
}

function sameLine(a, b) {
  return a !== undefined && a.position === b.position && a.rank === b.rank && String(a.total) === String(b.total)
    && a.status === b.status;
}
