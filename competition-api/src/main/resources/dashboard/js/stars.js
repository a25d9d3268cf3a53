// The star board as the page holds it: the lines of the latest version, and how each moved. A pure model: it does not
// know how it is drawn. It takes either whole pages (take: a polled answer, compared with the answer before) or the
// star board stream's events (snapshot, change: the board's leading lines, patched as the event board's are).

/** @typedef {{rank:number, position:number, contestantId:number, name:string, enterprise:string, tradeId:number,
 *  trade:string, tradeEn:string, regionCode:string, score:number|string, star:boolean, provisional:boolean}} Line */

export class StarBoard {
  constructor() {
    /** @type {Line[]} in display order */
    this.lines = [];
    /** @type {Map<number, {delta:number, isNew:boolean}>} how each line moved in the last change, by contestant */
    this.moves = new Map();
    this.total = 0;
    this.version = null;
    this.received = false;
  }

  /**
   * Takes a new version of the same part of the board (one page of one filter) and answers the contestants whose
   * line changed. Movement is measured against the version before: a line that rose or fell says by how many places;
   * a line that was not among the lines shown before, although its place is among theirs, is new there (it came
   * from another page, or was not on the board), and so is a line below them when they reached the end of the
   * board. The first version has no movement.
   */
  take({ version, total, entries }) {
    const before = new Map(this.lines.map(line => [line.contestantId, line]));
    const firstBefore = this.lines[0]?.position ?? 0;
    const lastBefore = this.lines.at(-1)?.position ?? 0;
    // A page that reached the end of the board before: a line below its last one is new on the board.
    const reachedEnd = lastBefore >= this.total;
    const first = !this.received;
    this.moves = new Map();
    const changed = [];
    for (const line of entries) {
      const was = before.get(line.contestantId);
      if (first) {
        continue;
      }
      if (!was) {
        if (line.position >= firstBefore && (line.position <= lastBefore || reachedEnd)) {
          this.moves.set(line.contestantId, { delta: 0, isNew: true });
          changed.push(line.contestantId);
        }
      } else if (was.position !== line.position) {
        // Positive: it rose (a smaller position is a better place).
        this.moves.set(line.contestantId, { delta: was.position - line.position, isNew: false });
        changed.push(line.contestantId);
      } else if (!sameLine(was, line)) {
        changed.push(line.contestantId);
      }
    }
    this.lines = [...entries];
    this.total = total;
    this.version = version;
    this.received = true;
    return changed;
  }

  /**
   * Takes the stream's `snapshot`: its lines replace those held. After a snapshot before (the stream reconnected and
   * could not resume), lines that moved or changed since are reported and given their movement, as a change would,
   * and the others keep theirs; the first snapshot has no movement. Returns the contestants whose line changed.
   */
  snapshot({ sequence, total, top }) {
    const before = new Map(this.lines.map(line => [line.contestantId, line]));
    const changed = this.received
      ? top.filter(line => !sameLine(before.get(line.contestantId), line)).map(line => line.contestantId)
      : [];
    const moves = this.moves;
    this.moves = new Map(top.filter(line => moves.has(line.contestantId))
      .map(line => [line.contestantId, moves.get(line.contestantId)]));
    top.filter(line => changed.includes(line.contestantId))
      .forEach(line => this.#moved(before.get(line.contestantId), line));
    this.lines = [...top];
    this.#held(total, sequence);
    return changed;
  }

  /**
   * Takes the stream's `change`: drops the lines of `leftTop`, replaces or adds those of `changed` (by contestant),
   * and orders by position. A changed line that moved shows by how many places, one new among the leading lines a
   * star; the others keep the movement of their last change. Returns the contestants whose line changed.
   */
  change({ sequence, total, changed, leftTop }) {
    const held = new Map(this.lines.map(line => [line.contestantId, line]));
    leftTop.forEach(contestantId => {
      held.delete(contestantId);
      this.moves.delete(contestantId);
    });
    for (const line of changed) {
      this.#moved(held.get(line.contestantId), line);
      held.set(line.contestantId, line);
    }
    this.lines = [...held.values()].sort((a, b) => a.position - b.position);
    this.#held(total, sequence);
    return changed.map(line => line.contestantId);
  }

  #moved(before, after) {
    if (!before) {
      this.moves.set(after.contestantId, { delta: 0, isNew: true });
    } else if (before.position !== after.position) {
      // Positive: it rose (a smaller position is a better place).
      this.moves.set(after.contestantId, { delta: before.position - after.position, isNew: false });
    }
  }

  /** The stream's sequence is the version of what is held. */
  #held(total, sequence) {
    this.total = total;
    this.version = sequence;
    this.received = true;
  }

  line(contestantId) {
    return this.lines.find(line => line.contestantId === contestantId);
  }
}

function sameLine(a, b) {
  return a !== undefined && a.position === b.position && a.rank === b.rank && String(a.score) === String(b.score) && a.star === b.star
    && a.provisional === b.provisional;
}
