import { Tabs } from '@mantine/core';
import { useMemo, useState } from 'react';
import { AdminNavigationContext, type AdminNavigation } from './admin-navigation';
import { ActionsSection } from './actions/actions-section';
import { AttackProtectionSection } from './attack/attack-protection-section';
import { LogsSection } from './logs/logs-section';
import { RealmsSection } from './realms/realms-section';
import { RulesSection } from './rules/rules-section';
import { UsersSection } from './users/users-section';

const sections = [
  { value: 'users', label: 'Users', Section: UsersSection },
  { value: 'realms', label: 'Realms', Section: RealmsSection },
  { value: 'rules', label: 'Rules', Section: RulesSection },
  { value: 'actions', label: 'Actions', Section: ActionsSection },
  { value: 'logs', label: 'Logs', Section: LogsSection },
  { value: 'attack-protection', label: 'Attack protection', Section: AttackProtectionSection },
] as const;

type SectionId = (typeof sections)[number]['value'];

/**
 * The admin sections as sub-tabs (WAI-ARIA tabs: arrow keys move between them, focus stays on the tab). Only
 * the open section is mounted, so each reads fresh data from the server when it is opened.
 */
export function AdminSections() {
  const [open, setOpen] = useState<SectionId>('users');
  const [userToOpen, setUserToOpen] = useState<string>();
  const navigation = useMemo<AdminNavigation>(
    () => ({
      userToOpen,
      openUser: (userId) => {
        setUserToOpen(userId);
        setOpen('users');
      },
    }),
    [userToOpen],
  );
  return (
    <AdminNavigationContext value={navigation}>
      <Tabs
        variant="pills"
        value={open}
        onChange={(value) => {
          // A tab chosen by hand opens the section's start, not the user a log event asked for earlier.
          setUserToOpen(undefined);
          setOpen(sections.find((section) => section.value === value)?.value ?? 'users');
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label="Admin sections" mb="md">
          {sections.map((section) => (
            <Tabs.Tab key={section.value} value={section.value}>
              {section.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {sections.map(({ value, Section }) => (
          <Tabs.Panel key={value} value={value}>
            <Section />
          </Tabs.Panel>
        ))}
      </Tabs>
    </AdminNavigationContext>
  );
}
