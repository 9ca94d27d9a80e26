import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../i18n/languages.ts';
import { languageOf } from './format.ts';

/**
 * Keeps Mantine's direction (its RTL styles, menus, popovers, sliders) with the language: the
 * page's own dir attribute is set by i18n/index.ts on every change, without a reload.
 */
export function LanguageDirection() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const direction = directionOf(languageOf(i18n.language));
  useEffect(() => setDirection(direction), [direction, setDirection]);
  return null;
}

/** 'rtl' while the interface reads right to left. */
export function useTextDirection(): 'ltr' | 'rtl' {
  const { i18n } = useTranslation();
  return directionOf(languageOf(i18n.language));
}
