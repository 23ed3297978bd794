import { describe, expect, it, vi } from 'vitest';
import { leads, outbox } from '../db/schema';
import { validSubmission } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { createSubmitQueue } from './submit-queue';

describe('group commit', () => {
  it('stores submissions of one event-loop turn in one transaction, each answered after it', async () => {
    const { db, deps, config } = testApp();
    // Record the size of every immediate (outer) transaction the queue opens.
    const transactions: number[] = [];
    const real = db.$client.transaction.bind(db.$client);
    vi.spyOn(db.$client, 'transaction').mockImplementation((fn) => {
      const tx = real(fn);
      return Object.assign((...args: unknown[]) => tx(...args), {
        ...tx,
        immediate: (...args: unknown[]) => {
          transactions.push((args[0] as unknown[]).length);
          return tx.immediate(...args);
        },
      }) as never;
    });
    const queue = createSubmitQueue(deps);
    const site = config.sites[0];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => queue.submit(site, validSubmission({ contact: { email: `p${i}@visser-logistiek.example` } }))));
    expect(transactions).toEqual([20]);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(db.select().from(leads).all()).toHaveLength(20);
    expect(db.select().from(outbox).all()).toHaveLength(40);
  });

  it('isolates a failing submission in its savepoint and answers a repeat inside the batch with 200', async () => {
    const { db, deps, config } = testApp();
    const queue = createSubmitQueue(deps);
    const site = config.sites[0];
    const good = validSubmission();
    const broken = validSubmission({ answers: { stage: 'not-in-config' } }); // check-answers would 422 it; here it throws
    const [a, b, c] = await Promise.allSettled([queue.submit(site, good), queue.submit(site, broken), queue.submit(site, good)]);
    expect(a).toMatchObject({ status: 'fulfilled', value: { status: 201 } });
    expect(b).toMatchObject({ status: 'rejected' });
    expect(c).toMatchObject({ status: 'fulfilled', value: { status: 200 } });
    expect((c as PromiseFulfilledResult<{ body: unknown }>).value.body).toEqual((a as PromiseFulfilledResult<{ body: unknown }>).value.body);
    expect(db.select().from(leads).all()).toHaveLength(1);
    expect(db.select().from(outbox).all()).toHaveLength(2);
  });

  it('says it is busy while submissions wait, and not once it has been idle', async () => {
    const { deps, config } = testApp();
    const queue = createSubmitQueue(deps);
    expect(queue.busy()).toBe(false);
    const stored = queue.submit(config.sites[0], validSubmission());
    expect(queue.busy()).toBe(true); // waiting for its batch
    await stored;
    await new Promise((r) => setTimeout(r, 60));
    expect(queue.busy()).toBe(false);
  });
});
