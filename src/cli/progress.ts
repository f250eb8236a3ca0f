/** Progress on stderr for long runs: a rewritten line on a terminal, a line every few seconds otherwise. */
export class Progress {
  private count = 0;
  private failed = 0;
  private readonly started = performance.now();
  private lastPrint = 0;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly total?: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  tick(ok = true): void {
    this.count++;
    if (!ok) this.failed++;
    const now = performance.now();
    if (this.enabled && now - this.lastPrint > (this.tty ? 200 : 5000)) {
      this.lastPrint = now;
      this.print(false);
    }
  }

  rate(): number {
    const s = (performance.now() - this.started) / 1000;
    return s > 0 ? this.count / s : 0;
  }

  done(): { count: number; failed: number; seconds: number } {
    if (this.enabled && this.count > 0) this.print(true);
    return { count: this.count, failed: this.failed, seconds: (performance.now() - this.started) / 1000 };
  }

  private print(final: boolean): void {
    const rate = this.rate();
    let eta = '';
    if (this.total && rate > 0 && !final) eta = ` ETA ${Math.ceil((this.total - this.count) / rate)}s`;
    const of = this.total ? `/${this.total.toLocaleString('en')}` : '';
    const fail = this.failed ? `, ${this.failed} failed` : '';
    const line = `${this.label}: ${this.count.toLocaleString('en')}${of} (${rate.toFixed(1)}/s${fail})${eta}`;
    if (this.tty) this.stream.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else this.stream.write(line + '\n');
  }
}
