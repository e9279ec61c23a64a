import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, generateApiTypes } from './generate-api-types.js';

describe('the web client types', () => {
  it('match the server OpenAPI document (run npm run api:types after changing a schema)', async () => {
    const committed = readFileSync(apiTypesFile, 'utf8');
    const generated = await generateApiTypes();
    expect(committed === generated, 'web/src/app/api/schema.ts is out of date: run npm run api:types').toBe(
      true,
    );
    // The types are the server's own, not a restatement: a schema the web relies on is in them.
    expect(generated).toContain('RecordRow: {');
    expect(generated).toContain('"/v1/t/{slug}/registry/records"');
  });
});
