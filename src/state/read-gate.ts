// Readers and writers of the in-memory state. A computation that yields to the event loop
// between slices holds a read hold for its whole run, so every result is consistent with ONE
// state version. Change batches (and calculated values) are applied as writes: a write runs once
// no read hold is left, synchronously, and new read holds wait behind a pending write (writer
// preference), so changes are never starved and no computation sees a half-applied batch.
// Writes are synchronous functions: a write never spans an await.

export type Release = () => void;

export class ReadGate {
  private holds = 0;
  private readonly pendingWrites: Array<{ apply: () => void; done: () => void; failed: (error: unknown) => void }> = [];
  private readonly waitingReaders: Array<() => void> = [];

  /** Read holds currently held. */
  get readers(): number {
    return this.holds;
  }

  /** True while a write waits for read holds to end. */
  get writePending(): boolean {
    return this.pendingWrites.length > 0;
  }

  /** A read hold: immediately when no write is pending, else after the pending writes. Release it exactly once. */
  read(): Promise<Release> {
    if (this.pendingWrites.length === 0) return Promise.resolve(this.grant());
    return new Promise((resolve) => this.waitingReaders.push(() => resolve(this.grant())));
  }

  /** Applies a write: now when nobody reads, else as soon as the current read holds end. */
  write(apply: () => void): Promise<void> {
    if (this.holds === 0 && this.pendingWrites.length === 0) {
      apply();
      return Promise.resolve();
    }
    return new Promise((done, failed) => this.pendingWrites.push({ apply, done, failed }));
  }

  private grant(): Release {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds === 0) this.flush();
    };
  }

  /** Runs every pending write, then lets the waiting readers in. */
  private flush(): void {
    for (const write of this.pendingWrites.splice(0)) {
      try {
        write.apply();
        write.done();
      } catch (error) {
        write.failed(error);
      }
    }
    for (const admit of this.waitingReaders.splice(0)) admit();
  }
}
