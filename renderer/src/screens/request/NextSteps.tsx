import { Button, Group, Menu, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EventOption, Move, RequestDetail } from '../../../../contract/requests.ts';

interface Props {
  request: RequestDetail;
  onMove(move: Move): void;
  onEvent(option: EventOption): void;
}

/** The status moves the workflow allows now, as buttons, and the events it can record. */
export function NextSteps({ request, onMove, onEvent }: Props) {
  const { t } = useTranslation();
  const forward = request.moves.filter((m) => !m.reopening);
  const reopen = request.moves.filter((m) => m.reopening);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('request.nextSteps')}
      </Title>
      {request.moves.length === 0 && <Text c="dimmed">{t('request.noNextSteps')}</Text>}
      <Group gap="xs">
        {forward.map((m) => (
          <Button
            key={m.to}
            variant={m.to === 'refused' ? 'outline' : 'light'}
            color={m.to === 'refused' ? 'red' : 'indigo'}
            onClick={() => onMove(m)}
          >
            {t(`status.${m.to}`)}
          </Button>
        ))}
        {reopen.map((m) => (
          <Button key={m.to} variant="default" onClick={() => onMove(m)}>
            {t('request.reopen', { status: t(`status.${m.to}`) })}
          </Button>
        ))}
        {request.eventOptions.length > 0 && (
          <Menu position="bottom-start">
            <Menu.Target>
              <Button variant="subtle" aria-label={t('requestTabs.recordLabel')}>
                {t('requestTabs.record')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {request.eventOptions.map((o) => (
                <Menu.Item key={o.type} onClick={() => onEvent(o)}>
                  {t(`eventType.${o.type}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  );
}
