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
          <Button variant="subtle" aria-label={t('session.menu', { name: user.displayName })}>
            <span>
              <Text component="span" size="sm" fw={500}>
                {user.displayName}
              </Text>{' '}
              <Text component="span" size="xs" c="dimmed">
                {t(`roles.${user.role}`)}
              </Text>
            </span>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('session.signedInAs', { username: user.username })}</Menu.Label>
          <Menu.Item onClick={() => setChanging(true)}>{t('session.changePassword')}</Menu.Item>
          <Menu.Item onClick={session.lock}>{t('session.lock')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => void session.signOut()}>
            {t('session.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </>
  );
}
