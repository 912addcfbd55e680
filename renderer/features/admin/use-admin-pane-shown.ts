import { useEffect, useState } from 'react';
import { readSettings } from '../../api/gatehouse';

/**
 * Whether the managed policy lets this desktop show the admin pane (`showAdminPane`): undefined until the
 * settings answer, then false if they could not be read, so the tab appears only when the policy is known to
 * allow it. Main refuses every admin call under a policy that hides the pane; this only decides what shows.
 */
export function useAdminPaneShown(): boolean | undefined {
  const [isShown, setShown] = useState<boolean>();
  useEffect(() => {
    let isCurrent = true;
    void readSettings().then((result) => {
      if (isCurrent) setShown(result.ok && result.value.policy.showAdminPane);
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  return isShown;
}
