import { Button, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordDialog } from './ChangePasswordDialog.tsx';
import { useSession } from './SessionContext.tsx';

/** The header's account menu: who is signed in and as what, and how to lock or leave. */
export function SessionMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const [changing, setChanging] = useState(false);
  if (session === null) return null;
  const { user } = session;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" aria-label={t('session.menu', { name: user.displayName })} fw={500}>
            {user.displayName}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('session.signedInAs', { username: user.username })}</Menu.Label>
          <Menu.Item onClick={() => setChanging(true)}>{t('session.changePassword')}</Menu.Item>
          <Menu.Item onClick={session.lock}>{t('session.lock')}</Menu.Item>
          <Menu.Divider />
          {/* c, not color: Mantine draws a coloured item in shade 6, too light to read on white. */}
          <Menu.Item c="red" onClick={() => void session.signOut()}>
            {t('session.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {/* The role after the button, not in it: the button's name must hold all it shows (WCAG 2.5.3). */}
      <Text component="span" size="xs" c="dimmed">
        {t(`roles.${user.role}`)}
      </Text>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </>
  );
}
