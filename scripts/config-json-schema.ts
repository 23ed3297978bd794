import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { vendorConfigSchema } from '../shared/config';

// Writes koers.config.schema.json from the zod schema, so editors autocomplete and check the
// vendor config (`"$schema": "./koers.config.schema.json"`). `--check` fails when it is stale.

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(vendorConfigSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Koers vendor config' }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('../koers.config.schema.json', import.meta.url));
  const fresh = configJsonSchema();
  if (process.argv.includes('--check')) {
    const { readFileSync } = await import('node:fs');
    const current = readFileSync(path, 'utf8');
    if (current !== fresh) {
      console.error('koers.config.schema.json is stale: run `npm run config:schema`');
      process.exit(1);
    }
  } else {
    writeFileSync(path, fresh);
    console.log(`wrote ${path}`);
  }
}
