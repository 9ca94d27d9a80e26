import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LetterBlock, LetterPreview as Preview } from '../../../../../contract/letters.ts';
import { endonym } from '../../../../../i18n/languages.ts';
import classes from './LetterPreview.module.css';

type Row = Extract<LetterBlock, { type: 'row' }>;
type Item = Extract<LetterBlock, { type: 'item' }>;
type Laid = Exclude<LetterBlock, Row | Item> | { type: 'rows'; rows: Row[] } | { type: 'items'; items: Item[] };

/** Rows side by side form one table, as the writers lay them out (db/letters/rendered.ts); items one list. */
function group(blocks: readonly LetterBlock[]): Laid[] {
  const out: Laid[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (block.type === 'row') {
      if (last?.type === 'rows') last.rows.push(block);
      else out.push({ type: 'rows', rows: [block] });
    } else if (block.type === 'item') {
      if (last?.type === 'items') last.items.push(block);
      else out.push({ type: 'items', items: [block] });
    } else out.push(block);
  }
  return out;
}

const lines = (list: readonly string[]) => list.join('\n');

/**
 * The letter as the files will show it, in the letter's own language and direction: the
 * letterhead, then each block. Text only: the logo and page breaks are the files' business.
 */
export function LetterPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const { letterhead } = preview;
  const contact = [letterhead.phone, letterhead.email].filter(Boolean).join(' · ');
  return (
    <>
      {preview.fallback && (
        <Alert color="yellow" mb="sm">
          {t('letters.fallback', { language: endonym(preview.language) })}
        </Alert>
      )}
      <article
        className={classes.page}
        dir={preview.direction}
        lang={preview.language}
        aria-label={t('letters.previewRegion')}
      >
        <header className={classes.letterhead}>
          {letterhead.logo && (
            <Text size="xs" c="dimmed">
              {t('letters.logoInPreview', { name: letterhead.logo.name })}
            </Text>
          )}
          {letterhead.officeName && <div style={{ fontWeight: 'bold' }}>{letterhead.officeName}</div>}
          {letterhead.addressLines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
          {contact && <div>{contact}</div>}
        </header>
        {group(preview.blocks).map((block, i) => {
          switch (block.type) {
            case 'title':
              return (
                <p key={i} className={classes.title}>
                  {lines(block.lines)}
                </p>
              );
            case 'heading':
              return (
                <p key={i} className={classes.heading}>
                  {lines(block.lines)}
                </p>
              );
            case 'items':
              return (
                <ul key={i}>
                  {block.items.map((item, j) => (
                    <li key={j} className={classes.item}>
                      {lines(item.lines)}
                    </li>
                  ))}
                </ul>
              );
            case 'paragraph':
              return (
                <p key={i} className={`${classes.paragraph} ${block.align === 'end' ? classes.end : ''}`}>
                  {lines(block.lines)}
                </p>
              );
            case 'rows':
              return (
                <table key={i} className={classes.rows}>
                  <tbody>
                    {block.rows.map((row, j) => (
                      <tr key={j}>
                        <th scope="row">{lines(row.label)}</th>
                        <td>{lines(row.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              );
          }
        })}
      </article>
    </>
  );
}
