import { describe, expect, it } from 'vitest';
import { moveColumn, readColumns, registryColumns } from './registry-columns';

describe('the registry table columns kept in the browser', () => {
  it('reads a stored choice, keeping its order', () => {
    expect(readColumns(JSON.stringify(['name', 'tags', 'leftOn']))).toEqual(['name', 'tags', 'leftOn']);
  });

  it('falls back to every column when nothing usable is stored', () => {
    for (const stored of [null, '', 'not json', '{}', '[]', '["unknown"]']) {
      expect(readColumns(stored)).toEqual([...registryColumns]);
    }
  });

  it('drops unknown and repeated columns and always keeps the name', () => {
    expect(readColumns(JSON.stringify(['tags', 'salary', 'tags', 'status']))).toEqual([
      'name',
      'tags',
      'status',
    ]);
  });

  it('moves a column one place, and not past either end', () => {
    const columns = ['name', 'reading', 'tags'] as const;
    expect(moveColumn([...columns], 'tags', -1)).toEqual(['name', 'tags', 'reading']);
    expect(moveColumn([...columns], 'name', 1)).toEqual(['reading', 'name', 'tags']);
    expect(moveColumn([...columns], 'name', -1)).toEqual([...columns]);
    expect(moveColumn([...columns], 'tags', 1)).toEqual([...columns]);
  });
});
