/** The language switcher on every page (issue 16). Each language's own name is not translated. */
export const language = {
  label: 'Language',
  switchTo: 'Switch the language of the pages',
  refused: 'Choose one of the languages offered.',
} as const;
