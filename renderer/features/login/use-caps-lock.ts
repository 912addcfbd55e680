import { useState, type KeyboardEvent } from 'react';

/**
 * Whether Caps Lock is on, as the last key event in the field reported it. Browsers give no way to ask
 * without an event, so it is unknown (false) until the user types or focuses and presses a key.
 */
export function useCapsLock() {
  const [isOn, setOn] = useState(false);
  const read = (event: KeyboardEvent<HTMLElement>) => setOn(event.getModifierState('CapsLock'));
  return { isOn, handlers: { onKeyDown: read, onKeyUp: read }, clear: () => setOn(false) };
}
