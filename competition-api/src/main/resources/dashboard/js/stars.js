// The star board as the page holds it: the lines of the latest version, and how each moved since the version
// before (the previous answer that differed). A pure model: it does not know where answers come from (polling
// today, a stream later) nor how they are drawn.

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

  line(contestantId) {
    return this.lines.find(line => line.contestantId === contestantId);
  }
}

function sameLine(a, b) {
  return a.rank === b.rank && String(a.score) === String(b.score) && a.star === b.star
    && a.provisional === b.provisional;
}
