import Typography from '@mui/material/Typography';

/** The Files page (being built). */
export function FilesPage(): React.JSX.Element {
  return <Typography component="h1" variant="h5">Files</Typography>;
}
