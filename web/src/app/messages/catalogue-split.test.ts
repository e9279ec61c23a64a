import { describe, expect, it } from 'vitest';
import { alumniSideFiles, consoleRouteModules, keysUsedIn } from '../../../../scripts/message-usage';
import { consoleEn } from './console/en';
import { consoleJa } from './console/ja';
import { en } from './en';
import { ja } from './ja';

describe('the message catalogue is split between the alumni side and the console', () => {
  it('every key the alumni side names is in the base catalogue, which it always has', () => {
    const everyKey = [...Object.keys(ja), ...Object.keys(consoleJa)];
    const used = keysUsedIn(alumniSideFiles(), everyKey);
    const missing = [...used].filter((key) => !(key in ja));
    // A key listed here is used outside the console but lives in messages/console/: move it to the
    // base catalogue (messages/<area>.ja.ts and .en.ts).
    expect(missing).toEqual([]);
  });

  it('the base catalogue holds only what the alumni side names, so the console stays off its phones', () => {
    const used = keysUsedIn(alumniSideFiles(), Object.keys(ja));
    // A key listed here is named only by console screens: move it to messages/console/<area>.ja.ts
    // and .en.ts, which load with the console.
    expect(Object.keys(ja).filter((key) => !used.has(key))).toEqual([]);
  });

  it('the console part holds no key of the base, so neither can silently override the other', () => {
    expect(Object.keys(consoleJa).filter((key) => key in ja)).toEqual([]);
    expect(Object.keys(consoleEn).sort()).toEqual(Object.keys(consoleJa).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('finds the console screens in App.tsx and keeps them off the alumni side', () => {
    const consoleModules = [...consoleRouteModules()].map((path) => path.replace(/^.*\/web\/src\//, ''));
    expect(consoleModules).toContain('features/admin/AdminLayout.tsx');
    expect(consoleModules).toContain('features/registry/RegistryPage.tsx');
    const alumniSide = [...alumniSideFiles()].map((path) => path.replace(/^.*\/web\/src\//, ''));
    expect(alumniSide).toContain('features/tenancy/HomePage.tsx');
    expect(alumniSide).not.toContain('features/registry/RegistryPage.tsx');
  });
});
