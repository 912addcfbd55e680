import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { AppliedChangeRow } from './applied-change-row';
import { StagedChangeCard } from './staged-change-card';
import { useStaging } from './staging-store';

const plural = (count: number) => `${count} pending change${count === 1 ? '' : 's'}`;

/**
 * "Pending changes (N)": what the realm, rule, action and attack-protection forms staged, each diffed field
 * by field against what the tenant holds now (re-read when the tray opens and again before each write), with
 * Apply, Apply all, conflict handling, and one-step Undo after an apply. Outcomes are said in a status line
 * (a polite live region), and focus returns to the tray heading when a card it was on goes away.
 */
export function PendingChangesTray() {
  const staging = useStaging();
  const { changes, applied } = staging;
  const [isOpen, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [isApplyingAll, setApplyingAll] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const bodyId = useId();
  const isChecking = changes.some((change) => change.state.kind === 'checking');
  const isApplying = isApplyingAll || changes.some((change) => change.state.kind === 'applying');

  // A newly staged change opens the tray, so the admin sees at once that nothing was written yet.
  const count = changes.length;
  const previousCount = useRef(count);
  useEffect(() => {
    if (count > previousCount.current) {
      setOpen(true);
      setStatus(`Staged. ${plural(count)}; nothing is written until you apply.`);
    }
    previousCount.current = count;
  }, [count]);

  const toggle = () => {
    const next = !isOpen;
    setOpen(next);
    // Opening shows diffs against the tenant as it is now, not as it was when each draft was made.
    if (next) void staging.refresh();
  };

  const afterRemoval = (message: string) => {
    setStatus(message);
    headingRef.current?.focus();
  };

  const apply = async (key: string, title: string) => {
    const done = await staging.apply(key);
    if (done) afterRemoval(`Applied “${title}”. Undo is below.`);
    else setStatus(`“${title}” was not applied; see the change for why.`);
  };

  const applyAll = async () => {
    setApplyingAll(true);
    const total = changes.length;
    const done = await staging.applyAll();
    setApplyingAll(false);
    if (done) afterRemoval(`Applied all ${total} changes. Undo is below.`);
    else setStatus('Stopped: a change was not applied; see the change for why. The ones before it were applied.');
  };

  const undo = async (key: string, title: string) => {
    const done = await staging.undo(key);
    if (done) afterRemoval(`Undone: “${title}” is back as it was.`);
    else setStatus(`“${title}” was not undone; see the entry for why.`);
  };

  const newestIds = new Set(
    applied.filter((entry, index) => applied.findIndex((other) => other.key === entry.key) === index).map((e) => e.id),
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
            Pending changes ({count})
          </Title>
          <Group gap="xs">
            {count > 0 && (
              <Button size="sm" onClick={() => void applyAll()} loading={isApplyingAll} disabled={isApplying}>
                Apply all ({count})
              </Button>
            )}
            {isOpen && count > 0 && (
              <Button size="sm" variant="default" onClick={() => void staging.refresh()} loading={isChecking}>
                Check the tenant again
              </Button>
            )}
            <Button size="sm" variant="default" aria-expanded={isOpen} aria-controls={bodyId} onClick={toggle}>
              {isOpen ? 'Hide changes' : 'Review changes'}
            </Button>
          </Group>
        </Group>
        <Text size="sm" role="status" aria-live="polite">
          {status ||
            (count === 0
              ? 'Nothing pending. Realm, rule, action and attack-protection forms stage their changes here first.'
              : `${plural(count)}: nothing is written to the tenant until you apply.`)}
        </Text>
        <div id={bodyId} hidden={!isOpen}>
          <Stack gap="sm">
            {count > 0 && (
              <Stack gap="xs" component="ol" aria-label="Pending changes" m={0} p={0} style={{ listStyle: 'none' }}>
                {changes.map((change) => (
                  <StagedChangeCard
                    key={change.key}
                    change={change}
                    isLocked={isApplying && change.state.kind !== 'applying'}
                    onApply={() => void apply(change.key, change.title)}
                    onDiscard={() => {
                      staging.discard(change.key);
                      afterRemoval(`Discarded “${change.title}”; the tenant was not changed.`);
                    }}
                    onRebase={() => {
                      staging.rebase(change.key);
                      setStatus(`“${change.title}” is re-based onto the current tenant. Review it, then apply.`);
                    }}
                  />
                ))}
              </Stack>
            )}
            {applied.length > 0 && (
              <>
                <Title order={4}>Applied in this session</Title>
                <Stack gap="xs" component="ol" aria-label="Applied changes" m={0} p={0} style={{ listStyle: 'none' }}>
                  {applied.map((entry) => (
                    <AppliedChangeRow
                      key={entry.id}
                      entry={entry}
                      isNewest={newestIds.has(entry.id)}
                      onUndo={() => void undo(entry.key, entry.title)}
                      onStageUndo={() => staging.stageUndo(entry.id)}
                      onForget={() => staging.forget(entry.id)}
                    />
                  ))}
                </Stack>
              </>
            )}
          </Stack>
        </div>
      </Stack>
    </Paper>
  );
}
