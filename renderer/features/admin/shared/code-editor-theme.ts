import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/**
 * Token colours for each scheme, all at least 4.5:1 against the editor's background (GitHub's accessible
 * palettes), so axe's contrast check passes in both themes.
 */
const palettes = {
  light: {
    keyword: '#cf222e',
    string: '#0a3069',
    comment: '#57606a',
    number: '#0550ae',
    fn: '#8250df',
    name: '#953800',
  },
  dark: {
    keyword: '#ff7b72',
    string: '#a5d6ff',
    comment: '#9ba3ab',
    number: '#79c0ff',
    fn: '#d2a8ff',
    name: '#ffa657',
  },
} as const;

function highlight(scheme: 'light' | 'dark'): HighlightStyle {
  const colour = palettes[scheme];
  return HighlightStyle.define([
    { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword, tags.modifier], color: colour.keyword },
    { tag: [tags.string, tags.special(tags.string), tags.regexp], color: colour.string },
    { tag: [tags.comment, tags.lineComment, tags.blockComment], color: colour.comment, fontStyle: 'italic' },
    { tag: [tags.number, tags.bool, tags.null, tags.atom], color: colour.number },
    { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: colour.fn },
    { tag: [tags.definition(tags.variableName), tags.propertyName], color: colour.name },
    { tag: tags.invalid, color: colour.keyword, textDecoration: 'underline' },
  ]);
}

/** Frame colours from Mantine's own variables, so the editor follows the app's theme switch. */
function frame(scheme: 'light' | 'dark'): Extension {
  const dark = scheme === 'dark';
  return EditorView.theme(
    {
      '&': {
        color: 'var(--mantine-color-text)',
        backgroundColor: 'var(--mantine-color-body)',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        fontSize: 'var(--mantine-font-size-sm)',
      },
      '&.cm-focused': { outline: '2px solid var(--mantine-primary-color-filled)', outlineOffset: '2px' },
      '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', minHeight: '12rem', maxHeight: '28rem' },
      '.cm-content': { caretColor: 'var(--mantine-color-text)' },
      '.cm-gutters': {
        backgroundColor: dark ? 'var(--mantine-color-dark-6)' : 'var(--mantine-color-gray-0)',
        color: dark ? 'var(--mantine-color-dark-0)' : 'var(--mantine-color-gray-7)',
        borderRight: '1px solid var(--mantine-color-default-border)',
      },
      '.cm-activeLine': { backgroundColor: dark ? '#ffffff0d' : '#0000000a' },
      '.cm-activeLineGutter': { backgroundColor: dark ? 'var(--mantine-color-dark-5)' : 'var(--mantine-color-gray-2)' },
      '.cm-selectionMatch': { backgroundColor: dark ? '#3a4a5c' : '#dbe9ff' },
      '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
        backgroundColor: dark ? '#264f78' : '#c8dcff',
      },
      '.cm-panels': {
        backgroundColor: dark ? 'var(--mantine-color-dark-6)' : 'var(--mantine-color-gray-0)',
        color: 'var(--mantine-color-text)',
      },
      '.cm-panels input, .cm-panels button': { color: 'var(--mantine-color-text)' },
      '.cm-textfield': { backgroundColor: 'var(--mantine-color-body)' },
      '.cm-button': {
        backgroundImage: 'none',
        backgroundColor: dark ? 'var(--mantine-color-dark-5)' : 'var(--mantine-color-gray-1)',
      },
      '.cm-tooltip': { backgroundColor: 'var(--mantine-color-body)', color: 'var(--mantine-color-text)' },
    },
    { dark },
  );
}

export function codeThemes(scheme: 'light' | 'dark'): Extension {
  return [frame(scheme), syntaxHighlighting(highlight(scheme))];
}
