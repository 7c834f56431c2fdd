import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';

/** Props of the loading placeholder: what is loading (for its accessible name) and how many rows to sketch. */
export interface LoadingRowsProps {
  what: string;
  rows?: number;
  height?: number;
}

/** The loading state of a view: skeleton rows in a status region named "Loading <what>". */
export function LoadingRows({ what, rows = 3, height = 40 }: LoadingRowsProps): React.JSX.Element {
  return (
    <Box role="status" aria-label={`Loading ${what}`}>
      <Stack spacing={1}>
        {Array.from({ length: rows }, (_, index) => (
          <Skeleton key={index} variant="rounded" height={height} />
        ))}
      </Stack>
    </Box>
  );
}
