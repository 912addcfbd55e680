import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white button text at 5:1 on blue (shade 6, Mantine's default, is 3.5:1 and fails WCAG AA).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
});

/**
 * Mantine's "dimmed" grey (3.3:1 on white, 4:1 on dark grey) and its error red (3.3:1 on white, 3.4:1 on dark
 * grey) fall below WCAG AA for small text. Darker shades (lighter in dark mode) keep the look and pass 4.5:1.
 * Outlined green (success callouts) is shade 8 on white, 3.3:1; even shade 9 is 4.4:1, so it is darkened to 5.7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-green-outline': darken(theme.colors.green[9], 0.15),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-5)',
  },
});
