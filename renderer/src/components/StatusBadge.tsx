import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Status, isClosedStatus } from '../../../contract/codes.ts';

const COLOURS: Partial<Record<Status, string>> = {
  draft: 'gray',
  registered: 'blue',
  under_review: 'cyan',
  awaiting_information: 'yellow',
  suspended: 'orange',
  refused: 'red',
  withdrawn: 'gray',
  lapsed: 'gray',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  const colour = COLOURS[status] ?? (isClosedStatus(status) ? 'green' : 'indigo');
  return (
    <Badge color={colour} variant={isClosedStatus(status) ? 'outline' : 'light'} style={{ textTransform: 'none' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
