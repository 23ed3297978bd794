import type { Browser } from 'playwright-core';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { startApiServer, type ApiServer } from './api-server';
import { ensureWidgetBuilt } from './build-widget';
import { launchChromium } from './chromium';
import { startHostSite, type HostSite } from './host-site';

// Everything one browser test file needs: a real SMTP sink, the real server (its config allows
// the customer site's origin), the customer site on another origin, and Chromium.
export interface E2e {
  sink: SmtpSink;
  api: ApiServer;
  host: HostSite;
  browser: Browser;
  repEmails: string[];
  close(): Promise<void>;
}

export const SITE = 'zeilmaker-web';

export async function startE2e(): Promise<E2e> {
  ensureWidgetBuilt();
  const sink = await startSmtpSink();
  const host = await startHostSite(SITE);
  const api = await startApiServer({ hostOrigin: host.origin, smtpUrl: sink.url });
  host.api = api.origin;
  const browser = await launchChromium();
  return {
    sink,
    api,
    host,
    browser,
    repEmails: api.config.reps.map((r) => r.email),
    async close() {
      await browser.close();
      await api.close();
      await host.close();
      await sink.close();
    },
  };
}
