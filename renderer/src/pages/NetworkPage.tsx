import Typography from '@mui/material/Typography';

/** The Network page (being built). */
export function NetworkPage(): React.JSX.Element {
  return <Typography component="h1" variant="h5">Network</Typography>;
}
