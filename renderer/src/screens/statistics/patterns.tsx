/**
 * Fills that stay apart in black and white (printouts, colour-blind readers): each series has
 * its own hatching as well as its own colour, and every bar also carries its number.
 */
export const SERIES_STYLES = [
  { color: '#1c4e80', pattern: 'solid' },
  { color: '#7a3b00', pattern: 'diagonal' },
  { color: '#2f5d2f', pattern: 'dots' },
  { color: '#5b2a6e', pattern: 'cross' },
  { color: '#444444', pattern: 'horizontal' },
] as const;

export type PatternName = (typeof SERIES_STYLES)[number]['pattern'];

/** The fill of series `index`, referring to the patterns that <PatternDefs> declares. */
export function fillOf(prefix: string, index: number): string {
  const style = SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
  return style.pattern === 'solid' ? style.color : `url(#${prefix}-${index % SERIES_STYLES.length})`;
}

export function strokeOf(index: number): string {
  return (SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0]).color;
}

function Shape({ pattern, color }: { pattern: PatternName; color: string }) {
  switch (pattern) {
    case 'solid':
      return <rect width="8" height="8" fill={color} />;
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={color} strokeWidth="2.2" />;
    case 'dots':
      return <circle cx="4" cy="4" r="2" fill={color} />;
    case 'cross':
      return <path d="M0,0 l8,8 M8,0 l-8,8" stroke={color} strokeWidth="1.6" />;
    case 'horizontal':
      return <path d="M0,2 h8 M0,6 h8" stroke={color} strokeWidth="1.6" />;
  }
}

/**
 * Declared once per chart in a zero-size <svg>: `url(#id)` works across the document, so the
 * chart's bars and its legend's swatches can both use them.
 */
export function PatternDefs({ prefix }: { prefix: string }) {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        {SERIES_STYLES.map((s, i) => (
          <pattern key={s.pattern} id={`${prefix}-${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill="#ffffff" />
            <Shape pattern={s.pattern} color={s.color} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}
