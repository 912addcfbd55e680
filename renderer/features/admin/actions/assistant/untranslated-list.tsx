import { Code, List, Text } from '@mantine/core';
import { useId } from 'react';
import type { MigrationTodo } from './translate-rule';

/** The places the assistant left for the admin, with the rule's line and the draft's line of each. */
export function UntranslatedList({ todos }: { todos: readonly MigrationTodo[] }) {
  const headingId = useId();
  if (todos.length === 0) {
    return <Text size="sm">Every line was translated. Compare the two runs below before you apply it.</Text>;
  }
  return (
    <div>
      <Text size="sm" fw={600} id={headingId}>
        Not translated ({todos.length}): each is marked “TODO(migrate)” in the draft
      </Text>
      <List size="sm" aria-labelledby={headingId}>
        {todos.map((todo) => (
          <List.Item key={`${todo.ruleLine}:${todo.draftLine}:${todo.reason}`}>
            Rule line {todo.ruleLine} (draft line {todo.draftLine}): {todo.reason}. <Code>{todo.snippet}</Code>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
