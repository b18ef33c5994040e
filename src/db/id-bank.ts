// Ids handed out by an attempt of a transaction that did not commit (a numbering-lock restart, a
// unique-violation retry, a serialization retry) were taken from the sequence, so no other
// transaction can get them. The next attempt of the same transaction gets them back first: ids
// stay dense, and an error message of the last attempt quotes the id the first attempt used.
export class IdBank {
  /** Per collection: ids of earlier attempts not yet handed out again, ascending. */
  private readonly spare = new Map<string, number[]>();
  /** Per collection: ids handed out in the current attempt. */
  private readonly handedOut = new Map<string, number[]>();

  /** Starts an attempt: whatever the previous one took becomes spare again. */
  beginAttempt(): void {
    for (const [collection, ids] of this.handedOut) {
      const spare = [...(this.spare.get(collection) ?? []), ...ids].sort((a, b) => a - b);
      this.spare.set(collection, spare);
    }
    this.handedOut.clear();
  }

  /** Takes count ids: spare ones first, the rest from `fresh` (the sequence). */
  async take(collection: string, count: number, fresh: (count: number) => Promise<number[]>): Promise<number[]> {
    const ids = this.takeSpare(collection, count);
    if (ids.length < count) {
      const more = await fresh(count - ids.length);
      this.recordFresh(collection, more);
      ids.push(...more);
    }
    return ids;
  }

  /** Up to count ids of earlier attempts, handed out now. */
  takeSpare(collection: string, count: number): number[] {
    const ids = (this.spare.get(collection) ?? []).splice(0, count);
    this.recordFresh(collection, ids);
    return ids;
  }

  /** Ids handed out now that came from the sequence. */
  recordFresh(collection: string, ids: readonly number[]): void {
    const handedOut = this.handedOut.get(collection);
    if (handedOut) handedOut.push(...ids);
    else this.handedOut.set(collection, [...ids]);
  }
}
