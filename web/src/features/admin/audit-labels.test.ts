import { describe, expect, it } from 'vitest';
import { auditActions, auditTargetTypes } from '../../../../server/platform/audit-actions';
import { consoleEn } from '../../app/messages/console/en';
import { consoleJa } from '../../app/messages/console/ja';
import { en as baseEn } from '../../app/messages/en';
import { ja as baseJa } from '../../app/messages/ja';
import { auditActionList } from './audit-labels';

// The audit log is a console screen: its names may live in either part of the catalogue.
const ja: Record<string, string> = { ...baseJa, ...consoleJa };
const en: Record<string, string> = { ...baseEn, ...consoleEn };
const catalogues: Record<string, Record<string, string>> = { ja, en };

describe('the audit log names every action the server can write', () => {
  it('every action code and target kind has a Japanese and an English name', () => {
    const missing: string[] = [];
    for (const [language, catalogue] of Object.entries(catalogues)) {
      for (const action of auditActions)
        if (!catalogue[`audit.action.${action}`]?.trim()) missing.push(`${language} ${action}`);
      for (const type of auditTargetTypes)
        if (!catalogue[`audit.targetType.${type}`]?.trim()) missing.push(`${language} ${type}`);
    }
    expect(missing).toEqual([]);
  });

  it('no name is the raw code, and the filter offers every action', () => {
    for (const action of auditActions) {
      expect(ja[`audit.action.${action}`]).not.toBe(action);
      expect(en[`audit.action.${action}`]).not.toBe(action);
    }
    expect([...auditActionList].sort()).toEqual([...auditActions].sort());
  });
});
