import { useState } from 'react';
import { adminListActions } from '../../../api/gatehouse';
import { useAdminLoad } from '../use-admin-load';
import { ActionEditor } from './action-editor';
import { ActionList } from './action-list';
import { RuleAssistant } from './assistant/rule-assistant';

type View = { kind: 'list' } | { kind: 'edit'; id: string } | { kind: 'assistant' };

/** Actions: the list and post-login flow, one action's editor, and the Rules-to-Actions assistant. */
export function ActionsSection() {
  const [view, setView] = useState<View>({ kind: 'list' });
  const actions = useAdminLoad(['actions'], adminListActions);
  const back = () => setView({ kind: 'list' });
  if (view.kind === 'edit') return <ActionEditor key={view.id} id={view.id} onBack={back} />;
  if (view.kind === 'assistant') return <RuleAssistant onBack={back} />;
  return (
    <ActionList
      actions={actions}
      onOpen={(id) => setView({ kind: 'edit', id })}
      onAssistant={() => setView({ kind: 'assistant' })}
    />
  );
}
