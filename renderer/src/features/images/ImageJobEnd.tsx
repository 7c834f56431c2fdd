import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { JobSummary } from '../../../../shared/model/job';
import { hrefFor } from '../../navigation/route';
import { shortImageId } from './useImages';

/** Props of an image job's ending: the ended job, the tag a build was given (if known), and what opening the image does first. */
export interface ImageJobEndProps {
  job: JobSummary;
  tag?: string;
  onOpen: () => void;
}

/**
 * What a succeeded image job made, under its progress: a pull links to the pulled image, a build to the built one
 * (named by its tag and short id), a push shows the pushed digest. Nothing for any other end.
 */
export function ImageJobEnd({ job, tag, onOpen }: ImageJobEndProps): React.JSX.Element | null {
  if (job.state !== 'succeeded' || job.result === null) return null;
  switch (job.kind) {
    case 'pull':
      return (
        <Typography variant="body2" sx={{ mt: 2 }}>
          <Link href={hrefFor('image', job.result)} onClick={onOpen}>
            Open {job.target}
          </Link>
        </Typography>
      );
    case 'build':
      return (
        <Alert severity="success" sx={{ mt: 2 }}>
          Built image{' '}
          <Link href={hrefFor('image', job.result)} onClick={onOpen}>
            {tag === undefined || tag === '' ? shortImageId(job.result) : `${tag} (${shortImageId(job.result)})`}
          </Link>
          .
        </Alert>
      );
    case 'push':
      return (
        <Typography variant="body2" sx={{ mt: 2, overflowWrap: 'anywhere' }}>
          Pushed as{' '}
          <Typography component="code" variant="body2" sx={{ fontFamily: 'monospace' }}>
            {job.result}
          </Typography>
        </Typography>
      );
    default:
      return null;
  }
}
