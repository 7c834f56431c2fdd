import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** The image detail page (`#/image/<id or reference>`): a stub until the image work lands. */
export function ImageDetailPage({ param }: { param: string | null }): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        {param ?? 'Image'}
      </Typography>
    </Stack>
  );
}
