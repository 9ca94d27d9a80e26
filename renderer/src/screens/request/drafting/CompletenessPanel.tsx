import { Anchor, Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kind } from '../../../../../contract/codes.ts';
import type { CompletenessItem } from '../../../../../contract/completeness.ts';
import { formatNumber, languageOf } from '../../../i18n/format.ts';

interface Props {
  kind: Kind;
  items: readonly CompletenessItem[];
  /** Takes the person to where the element is filled in (absent for those who cannot edit the request). */
  onFix?: ((item: CompletenessItem) => void) | undefined;
  /** A draft not yet saved has no links: the preservation it follows is linked once it is. */
  saved: boolean;
}

/**
 * What an outgoing request still lacks (contract/completeness.ts), element by element: a tick
 * or a warning, whether it is essential, and a link to where it is filled in. The same check the
 * register applies before the request moves on, so what it shows is what the move will say.
 */
export function CompletenessPanel({ kind, items, onFix, saved }: Props) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const titleId = useId();
  const essentials = items.filter((i) => i.essential && !i.present).length;
  const recommended = items.filter((i) => !i.essential && !i.present).length;
  const positions = (item: CompletenessItem) => {
    if (item.items.length === 0) return null;
    const list = item.items.map((n) => formatNumber(n + 1, language)).join(', ');
    return item.field.startsWith('parties')
      ? t('drafting.panel.persons', { list })
      : t('drafting.panel.identifiers', { list });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={titleId}>
          {t('drafting.panel.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {kind === 'mla' ? t('drafting.panel.introMla') : t('drafting.panel.introEEvidence')}
        </Text>
        <Text size="sm" fw={500} role="status" {...(essentials > 0 ? { c: 'red.8' } : {})}>
          {essentials === 0
            ? t('drafting.panel.complete')
            : t('drafting.panel.missingEssentials', { count: essentials })}
          {recommended > 0 && ` · ${t('drafting.panel.missingRecommended', { count: recommended })}`}
        </Text>
        <List listStyleType="none" spacing="xs" aria-label={t('drafting.panel.listLabel')}>
          {items.map((item) => {
            const element = t(`drafting.element.${item.code}`);
            const where = positions(item);
            return (
              <List.Item
                key={item.code}
                data-code={item.code}
                data-present={item.present}
                icon={
                  <ThemeIcon
                    size="sm"
                    radius="xl"
                    variant="light"
                    color={item.present ? 'green' : item.essential ? 'red' : 'yellow'}
                    aria-hidden
                  >
                    {item.present ? '✓' : '!'}
                  </ThemeIcon>
                }
              >
                <Group gap={6} wrap="wrap">
                  <Text size="sm">
                    {element}
                    <VisuallyHidden>
                      {`: ${item.present ? t('drafting.panel.present') : t('drafting.panel.missing')}`}
                    </VisuallyHidden>
                  </Text>
                  {!item.essential && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t('drafting.panel.recommended')}
                    </Badge>
                  )}
                </Group>
                {!item.present && (
                  <Stack gap={2}>
                    <Text size="xs" c="dimmed">
                      {t(`drafting.hint.${item.code}`)}
                      {where && ` (${where})`}
                    </Text>
                    {item.code === 'preservation_followed' && !saved ? (
                      <Text size="xs" c="dimmed">
                        {t('drafting.panel.saveFirst')}
                      </Text>
                    ) : (
                      onFix && (
                        <Anchor
                          component="button"
                          type="button"
                          size="xs"
                          aria-label={t('drafting.panel.fixLabel', { element })}
                          onClick={() => onFix(item)}
                          style={{ alignSelf: 'flex-start' }}
                        >
                          {t('drafting.panel.fix')}
                        </Anchor>
                      )
                    )}
                  </Stack>
                )}
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Paper>
  );
}
