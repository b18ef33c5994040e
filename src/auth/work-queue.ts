// Runs async jobs with at most `limit` at once; the others wait in arrival order.
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private limit: number) {
    this.setLimit(limit);
  }

  setLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a work queue needs a limit of at least 1, got ${limit}`);
    this.limit = limit;
    while (this.running < this.limit && this.waiting.length > 0) this.startNext();
  }

  load(): { running: number; waiting: number; limit: number } {
    return { running: this.running, waiting: this.waiting.length, limit: this.limit };
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await job();
    } finally {
      this.running--;
      if (this.running < this.limit && this.waiting.length > 0) this.startNext();
    }
  }

  /** Hands a free place to the first waiting job. */
  private startNext(): void {
    this.running++;
    this.waiting.shift()!();
  }
}
