import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** The id of the app's <main>, where the skip link takes the focus. */
export const MAIN_ID = 'main-content';

/**
 * "Skip to main content": the first thing Tab reaches, shown only while it has the focus, so a
 * keyboard user need not go through the header and the navigation on every screen (WCAG 2.4.1).
 * The address's fragment is the app's route, so the link moves the focus itself instead of
 * following its href.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href={`#${MAIN_ID}`}
      className={classes.skip}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      {t('app.skipToMain')}
    </a>
  );
}
