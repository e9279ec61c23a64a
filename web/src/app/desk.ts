import { useSyncExternalStore } from 'react';

/** From this width up the console lays lists out as tables (a PC beside Excel); below, as cards. */
const deskQuery = '(min-width: 64rem)';

function subscribe(onChange: () => void) {
  const list = window.matchMedia(deskQuery);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** Whether the screen is desk-wide (≥ 1024 px); follows the window as it is resized. */
export function useDeskWidth(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(deskQuery).matches,
    () => false,
  );
}
