import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { VendorConfig } from '../../shared/config';
import type { SigningKeys } from '../security/signed-token';
import type { RetentionPolicy } from '../privacy/retention';
import type { WebhookKeys } from '../webhooks/secrets';

// Starting a thread of the server (server/store-thread.ts) and watching over it.

/** What a thread needs to open the same database and act like the server. */
export interface ThreadInit {
  databasePath: string;
  config: VendorConfig;
  signingKey: SigningKeys;
  publicUrl: string;
  smtpUrl?: string;
  /** How long spam leads and development mails are kept (privacy/retention.ts); default DEFAULT_RETENTION. */
  retention?: RetentionPolicy;
  /** The webhooks' signing keys, read from the environment by main.ts (webhooks/secrets.ts). */
  webhookKeys?: WebhookKeys;
}

/**
 * The entry file next to the calling module: `name.mjs` in the bundle (npm start), `name.ts` under
 * tsx (tests, development), whose loader a worker does not inherit (privatenumber/tsx#354): there
 * the thread registers tsx itself before it imports its entry.
 */
export function threadOf(name: string, callerUrl: string, init: ThreadInit, resourceLimits?: ResourceLimits): Worker {
  const ext = callerUrl.slice(callerUrl.lastIndexOf('.'));
  const entry = new URL(`./${name}${ext}`, callerUrl);
  if (ext !== '.ts') return new Worker(entry, { workerData: init, resourceLimits });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`, {
    eval: true,
    workerData: init,
    resourceLimits,
  });
}

/** Messages every thread sends besides its own. */
export type LifecycleMessage = { type: 'ready' } | { type: 'stopped' };

export interface SupervisedThread {
  /** Resolves once the thread has opened the database and listens. */
  ready: Promise<void>;
  /** Why the thread is gone, if it died. */
  failure(): Error | undefined;
  /** Asks the thread to finish what it has ({ type: 'stop' }) and waits until it has. */
  stop(): Promise<void>;
}

/**
 * Ready/stop handshakes, and death: a thread that exits or throws without being asked to stop
 * calls onDeath (reject what waits on it) and then onFatal (main.ts exits so a supervisor
 * restarts the whole server: nothing acknowledged is lost, the database has it).
 */
export function supervise(worker: Worker, hooks: { onDeath?: (error: Error) => void; onFatal: (error: Error) => void }): SupervisedThread {
  let failure: Error | undefined;
  let stopping: (() => void) | undefined;
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  worker.on('message', (message: LifecycleMessage) => {
    if (message.type === 'ready') onReady();
    else if (message.type === 'stopped') stopping?.();
  });
  const die = (error: Error) => {
    if (failure) return;
    failure = error;
    hooks.onDeath?.(error);
    if (stopping) stopping();
    else hooks.onFatal(error);
  };
  worker.on('error', die);
  worker.on('exit', (code) => die(new Error(`the thread exited (code ${code})`)));
  return {
    ready,
    failure: () => failure,
    async stop() {
      if (failure) return;
      const stopped = new Promise<void>((resolve) => (stopping = resolve));
      worker.postMessage({ type: 'stop' });
      await stopped;
      await worker.terminate();
    },
  };
}

/** A new vendor config for a running thread (SIGHUP, server/config/reload.ts); it answers `config-applied`. */
export type ConfigMessage = { type: 'config'; config: VendorConfig; webhookKeys?: WebhookKeys };
export type ConfigApplied = { type: 'config-applied' };

/** Hands a thread a new config and resolves once it works with it. */
export function sendConfig(worker: Worker, config: VendorConfig, webhookKeys?: WebhookKeys): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ConfigApplied) => {
      if (message?.type !== 'config-applied') return;
      done();
      resolve();
    };
    const onExit = () => {
      done();
      reject(new Error('the thread exited before it took the new config'));
    };
    const done = () => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'config', config, webhookKeys } satisfies ConfigMessage);
  });
}
