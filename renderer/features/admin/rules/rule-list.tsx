import { Alert, Badge, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import type { Rule } from '../../../../common/admin/extensibility.schema';
import { adminListRules } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { OpenLink } from '../../../components/open-link';
import { useAdminSession } from '../admin-session';
import { jsonEqual } from '../staging/json-equal';
import { useStaging } from '../staging/staging-store';
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
  const staging = useStaging();
  const { can } = useAdminSession();

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const stagedOrder = staging.find(orderKey);
  const shown = inShownOrder(rules.value ?? [], stagedOrder?.draft);
  const liveNames = inShownOrder(rules.value ?? [], undefined).map((rule) => rule.name);

  const reorder = (ids: string[]) => {
    const byId = new Map(shown.map((rule) => [rule.id, rule.name]));
    const names = ids.map((id) => byId.get(id) ?? id);
    const base = Names.safeParse(stagedOrder?.base);
    const from = base.success ? base.data : liveNames;
    // Moving back to the order the tenant holds is no change at all: nothing stays pending.
    if (jsonEqual(names, from)) staging.discard(orderKey);
    else staging.stage(orderChange(from, names));
  };

  const stagedFields = (rule: Rule) => {
    const parsed = RuleFields.safeParse(staging.find(ruleKey(rule.id))?.draft);
    return parsed.success ? parsed.data : undefined;
  };
  const toggle = (rule: Rule, enabled: boolean) => {
    const staged = staging.find(ruleKey(rule.id));
    const base = RuleFields.safeParse(staged?.base);
    const from = base.success ? base.data : fieldsOf(rule);
    const draft = { ...(stagedFields(rule) ?? fieldsOf(rule)), enabled };
    if (jsonEqual(draft, from)) staging.discard(ruleKey(rule.id));
    else staging.stage(ruleChange(rule, from, draft));
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
        {stagedOrder && (
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
            renderItem={(rule, handle) => {
              const enabled = stagedFields(rule)?.enabled ?? rule.enabled;
              const isStaged = staging.find(ruleKey(rule.id)) !== undefined;
              return (
                <Group className={classes.row} gap="sm" wrap="nowrap" data-testid="rule-row">
                  {handle}
                  <Text size="sm" w="2ch" ta="end" aria-hidden>
                    {shown.indexOf(rule) + 1}
                  </Text>
                  <div className={classes.grow}>
                    <OpenLink onOpen={() => onOpen(rule.id)}>{rule.name}</OpenLink>
                  </div>
                  {isStaged && (
                    <Badge variant="filled" color="blue.9" radius="sm">
                      Staged
                    </Badge>
                  )}
                  <Switch
                    label="Enabled"
                    aria-label={`Run “${rule.name}” at sign-in`}
                    checked={enabled}
                    disabled={!can(['update:rules'])}
                    onChange={(event) => toggle(rule, event.currentTarget.checked)}
                  />
                </Group>
              );
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
