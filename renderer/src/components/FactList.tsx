import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One labelled figure of a FactList. */
export interface Fact {
  label: string;
  value: ReactNode;
}

/**
 * Label/value pairs as a description list (`dl`/`dt`/`dd`) in two columns, so each figure is announced with its
 * label; the list itself is named by `label`.
 */
export function FactList({ facts, label }: { facts: readonly Fact[]; label: string }): React.JSX.Element {
  return (
    <Box
      component="dl"
      aria-label={label}
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}
    >
      {facts.map((fact) => (
        <Box key={fact.label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {fact.label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {fact.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
