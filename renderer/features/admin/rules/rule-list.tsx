import { Alert, Badge, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { Rule } from '../../../../common/admin/extensibility.schema';
import { adminListRules } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { OpenLink } from '../../../components/open-link';
import { useAdminSession } from '../admin-session';
import { useStagedDraft } from '../staging/use-staged-draft';
import { LoadingLine } from '../shared/loading-line';
import { SortableList } from '../shared/sortable-list';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { fieldsOf, orderChange, orderKey, ruleChange, RuleFields, ruleKey } from './rule-staging';
import classes from './rules.module.css';

export interface RuleListProps {
  focusOnMount: boolean;
  notice?: string;
  onOpen: (id: string) => void;
  onCreate: () => void;
}

const Names = RuleFields.shape.name.array();

/** The live rules in the staged order, if one is staged (rules it does not name keep their place at the end). */
function inShownOrder(rules: readonly Rule[], staged: unknown): Rule[] {
  const live = [...rules].sort((a, b) => a.order - b.order);
  const names = Names.safeParse(staged);
  if (!names.success) return live;
  const place = new Map(names.data.map((name, index) => [name, index]));
  return live.sort((a, b) => (place.get(a.name) ?? Infinity) - (place.get(b.name) ?? Infinity));
}

/**
 * The rules in the order sign-ins run them. Reordering (drag or keyboard) and turning a rule on or off are
 * staged changes: they go to the pending-changes tray, and the tenant changes when the admin applies them.
 */
export function RuleList({ focusOnMount, notice, onOpen, onCreate }: RuleListProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rules = useAdminLoad(['rules'], adminListRules);
  const { can } = useAdminSession();

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const liveNames = inShownOrder(rules.value ?? [], undefined).map((rule) => rule.name);
  const order = useStagedDraft(orderKey, liveNames);
  const shown = inShownOrder(rules.value ?? [], order.staged?.draft);

  // Moving back to the order the tenant holds is no change at all: nothing stays pending.
  const reorder = (ids: string[]) => {
    const byId = new Map(shown.map((rule) => [rule.id, rule.name]));
    order.stageDraft(
      ids.map((id) => byId.get(id) ?? id),
      (base, draft) => orderChange(base, draft),
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
            Rules
          </Title>
          <WriteButton needs={['create:rules']} onClick={onCreate}>
            New rule
          </WriteButton>
        </Group>
        <Text size="sm">
          Rules run in this order at every sign-in and can add claims or refuse access. To move a rule, drag its handle,
          or focus the handle, press Space, move it with the arrow keys and press Space again. Moves and on/off switches
          are staged: apply them from Pending changes.
        </Text>
        {notice && (
          <Alert color="blue" variant="outline" role="status" title="Done">
            {notice}
          </Alert>
        )}
        {order.staged && (
          <Text size="sm" role="status">
            The new order is staged, not applied yet.
          </Text>
        )}
        {rules.error && <ErrorCallout error={rules.error} />}
        {rules.isLoading && rules.value === undefined && <LoadingLine label="Loading rules…" />}
        {rules.value?.length === 0 && <Text size="sm">There are no rules.</Text>}
        {shown.length > 0 && (
          <SortableList
            label="Rules in run order"
            items={shown}
            getId={(rule) => rule.id}
            getName={(rule) => rule.name}
            onReorder={reorder}
            disabled={!can(['update:rules'])}
            renderItem={(rule, handle) => (
              <RuleRow
                rule={rule}
                handle={handle}
                position={shown.indexOf(rule) + 1}
                canWrite={can(['update:rules'])}
                onOpen={() => onOpen(rule.id)}
              />
            )}
          />
        )}
      </Stack>
    </Paper>
  );
}

interface RuleRowProps {
  rule: Rule;
  handle: ReactNode;
  position: number;
  canWrite: boolean;
  onOpen: () => void;
}

/** One rule in the list: its handle, place, name (opens the editor) and on/off switch, which stages. */
function RuleRow({ rule, handle, position, canWrite, onOpen }: RuleRowProps) {
  const fields = useStagedDraft(ruleKey(rule.id), fieldsOf(rule));
  const start = RuleFields.safeParse(fields.start);
  const enabled = start.success ? start.data.enabled : rule.enabled;
  const toggle = (next: boolean) =>
    fields.stageDraft({ ...(start.success ? start.data : fieldsOf(rule)), enabled: next }, (base, draft) =>
      ruleChange(rule, base, draft),
    );
  return (
    <Group className={classes.row} gap="sm" wrap="nowrap" data-testid="rule-row">
      {handle}
      <Text size="sm" w="2ch" ta="end" aria-hidden>
        {position}
      </Text>
      <div className={classes.grow}>
        <OpenLink onOpen={onOpen}>{rule.name}</OpenLink>
      </div>
      {fields.staged && (
        <Badge variant="filled" color="blue.9" radius="sm">
          Staged
        </Badge>
      )}
      <Switch
        label="Enabled"
        aria-label={`Run “${rule.name}” at sign-in`}
        checked={enabled}
        disabled={!canWrite}
        onChange={(event) => toggle(event.currentTarget.checked)}
      />
    </Group>
  );
}
