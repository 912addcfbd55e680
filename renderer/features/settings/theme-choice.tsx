import { SegmentedControl, Stack, Text, Title, useMantineColorScheme } from '@mantine/core';
import { ColorSchemeChoice } from '../../../common/settings/color-scheme';

const choices = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'auto', label: 'Follow the system' },
];

/** Light, dark or the system's scheme; Mantine applies it, and its manager has main remember it. */
export function ThemeChoice() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Stack gap="xs" component="section" aria-labelledby="theme-heading">
      <Title order={2} size="h3" id="theme-heading">
        Theme
      </Title>
      <SegmentedControl
        aria-labelledby="theme-heading"
        w="fit-content"
        data={choices}
        value={colorScheme}
        onChange={(value) => {
          const parsed = ColorSchemeChoice.safeParse(value);
          if (parsed.success) setColorScheme(parsed.data);
        }}
      />
      <Text size="sm" c="dimmed">
        Remembered for the next start.
      </Text>
    </Stack>
  );
}
