import { EXAMPLE_CONFIG_PATH, loadConfigFile } from '../server/config/load-config';
import { openDatabase } from '../server/db/open';
import { eraseEmail, peopleOf } from '../server/privacy/erase';

// npm run erase -- someone@example.com   (uses DATABASE_PATH, default ./data/koers.db, and the
// config the server uses: KOERS_CONFIG, default the bundled example)
// Exit 0: erased, no copy left in the files. Exit 1: not (or not completely) erased, with why.
// The webhooks that want `lead.erased` get it (queued in the erase's transaction, sent by the
// server's outbox worker). Without a loadable config the erase still runs and says no webhook was told.
const email = process.argv[2];
if (!email || !email.includes('@')) {
  console.error('usage: npm run erase -- <email address>');
  process.exit(2);
}
const path = process.env.DATABASE_PATH ?? './data/koers.db';
const configPath = process.env.KOERS_CONFIG ?? EXAMPLE_CONFIG_PATH;
const configName = process.env.KOERS_CONFIG ? configPath : `the bundled example config (KOERS_CONFIG is not set)`;
const loaded = loadConfigFile(configPath);
const db = openDatabase(path);
try {
  // Without a config nobody is told: name the leads, so that whoever got them can be told by hand.
  const untold = loaded.ok ? [] : peopleOf(db, email).map((p) => p.id);
  const r = eraseEmail(db, email, loaded.ok ? { webhooks: { config: loaded.config, now: Date.now() } } : {});
  console.log(
    `erased ${email} from ${path}: ${r.leads} lead(s), ${r.outbox} outbox row(s), ${r.devMail} development mail(s); ` +
      `taken out of ${r.outboxEdited} other outbox row(s)`,
  );
  if (loaded.ok) {
    console.log(
      r.webhookEvents > 0
        ? `webhooks: lead.erased queued ${r.webhookEvents} time(s) (${configName}); the server sends them`
        : `webhooks: none told (${r.leads === 0 ? 'no lead erased' : `no webhook in ${configName} wants lead.erased`})`,
    );
  } else {
    console.error(
      `NO WEBHOOK WAS TOLD of this erase: ${configName} could not be loaded:\n  ${loaded.problems.join('\n  ')}\n` +
        (untold.length
          ? `Tell every system that got these leads yourself (lead.erased): ${untold.join(', ')}`
          : 'No lead was erased, so there was nothing to tell.'),
    );
  }
} catch (error) {
  console.error(`ERASE INCOMPLETE for ${email} in ${path}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
