import Typography from '@mui/material/Typography';

/** The Memory page (being built). */
export function MemoryPage(): React.JSX.Element {
  return <Typography component="h1" variant="h5">Memory</Typography>;
}
