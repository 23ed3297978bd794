import { expect, onTestFinished } from 'vitest';
import { submissionBody } from './fixtures';
import { jobWorker } from './job-pipeline';
import { startSmtpSink } from './smtp-sink';
import { testApp, type TestAppOptions } from './test-app';

/**
 * The test app with the real job worker sending to a real SMTP sink (both closed when the test
 * ends), and `submit`: POST a lead, run its jobs and wait for both its mails; answers its id.
 */
export async function mailedLeads(opts: TestAppOptions = {}) {
  const sink = await startSmtpSink();
  const t = testApp(opts);
  const jobs = jobWorker(t.db, sink.url, t.deps);
  onTestFinished(async () => {
    await jobs.stop();
    await sink.close();
  });
  const submit = async (over: Parameters<typeof submissionBody>[0] = {}) => {
    const res = await t.post(submissionBody(over));
    expect(res.status).toBe(201);
    const { leadId } = await res.json();
    const before = sink.messages.length;
    await jobs.drain();
    await sink.waitFor(before + 2);
    return leadId as string;
  };
  return { ...t, sink, jobs, submit };
}
