import { z } from 'zod';

/** The window's theme, as Mantine names it: `auto` follows the operating system. */
export const ColorSchemeChoice = z.enum(['light', 'dark', 'auto']);
export type ColorSchemeChoice = z.infer<typeof ColorSchemeChoice>;
