import { MAX_CHECK_IN_BATCH, type Agent, type AgentRepository, type CheckInState } from '@patchloop/store';

type Found = { agent: Agent; state: CheckInState } | undefined;
interface Waiting {
  agentId: string;
  secret: string;
  resolve: (f: Found) => void;
  reject: (e: unknown) => void;
}

/**
 * Reads check-in credentials and state for all check-ins that arrive in one turn of the event
 * loop with one statement (up to MAX_CHECK_IN_BATCH agents): under load, one round trip serves
 * many heartbeats; alone, a check-in waits only for the current turn to end (setImmediate).
 */
export class CheckInReader {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly agents: AgentRepository,
    private readonly now: () => string,
  ) {}

  read(agentId: string, secret: string): Promise<Found> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ agentId, secret, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.run());
      }
    });
  }

  private run(): void {
    this.scheduled = false;
    const all = this.waiting;
    this.waiting = [];
    for (let i = 0; i < all.length; i += MAX_CHECK_IN_BATCH) void this.readBatch(all.slice(i, i + MAX_CHECK_IN_BATCH));
  }

  private async readBatch(batch: Waiting[]): Promise<void> {
    try {
      const found = await this.agents.authenticateCheckIns(batch, this.now());
      batch.forEach((w, i) => w.resolve(found[i]));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}
