import { useState } from 'react';
import { RuleCreate } from './rule-create';
import { RuleEditor } from './rule-editor';
import { RuleList } from './rule-list';

type View = { kind: 'list'; hasReturned: boolean; notice?: string } | { kind: 'edit'; id: string } | { kind: 'create' };

/** Rules: the list in run order, a new rule, and one rule's editor with its history and a dry run. */
export function RulesSection() {
  const [view, setView] = useState<View>({ kind: 'list', hasReturned: false });
  const back = (notice?: string) => setView({ kind: 'list', hasReturned: true, ...(notice ? { notice } : {}) });

  if (view.kind === 'edit') return <RuleEditor key={view.id} id={view.id} onBack={back} />;
  if (view.kind === 'create') {
    return <RuleCreate onCancel={() => back()} onCreated={(rule) => setView({ kind: 'edit', id: rule.id })} />;
  }
  return (
    <RuleList
      focusOnMount={view.hasReturned}
      notice={view.notice}
      onOpen={(id) => setView({ kind: 'edit', id })}
      onCreate={() => setView({ kind: 'create' })}
    />
  );
}
