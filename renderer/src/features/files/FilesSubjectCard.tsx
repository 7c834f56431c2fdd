import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineOutlined from '@mui/icons-material/CheckCircleOutlineOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { FilesSubject } from '../../../../shared/model/files';
import { hrefFor } from '../../navigation/route';
import { FilesSubjectBody } from './FilesSubjectBody';
import { crossingCount, crossingPhrase } from './files-words';
import type { BoundaryMeasureModel } from './useBoundaryMeasure';

/** Props of one subject's card on the Files page. */
export interface FilesSubjectCardProps {
  subject: FilesSubject;
  measuring: BoundaryMeasureModel;
  onlyCrossing: boolean;
}

/** One distro or container on the Files page: its name (a link to its page), kind, state, a chip saying how much crosses the boundary, and its directories. */
export function FilesSubjectCard({ subject, measuring, onlyCrossing }: FilesSubjectCardProps): React.JSX.Element {
  const headingId = `files-${subject.kind}-${subject.id}`;
  const count = crossingCount([subject]);
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ minWidth: 0 }}>
      <CardContent sx={{ display: 'grid', gap: 1.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography id={headingId} variant="h6" component="h3" sx={{ overflowWrap: 'anywhere' }}>
            <Link href={hrefFor(subject.kind, subject.kind === 'distro' ? subject.id : subject.name)} underline="hover" color="inherit">
              {subject.name}
            </Link>
          </Typography>
          <Chip size="small" variant="outlined" label={subject.kind === 'distro' ? 'Distro' : 'Container'} />
          <Chip size="small" variant={subject.running ? 'filled' : 'outlined'} color={subject.running ? 'success' : 'default'} label={subject.running ? 'Running' : 'Stopped'} />
          {count > 0 ? (
            <Chip size="small" color="warning" icon={<WarningAmberOutlined />} label={crossingPhrase(count)} />
          ) : (
            subject.entries.length > 0 && <Chip size="small" color="success" variant="outlined" icon={<CheckCircleOutlineOutlined />} label="Nothing on a Windows drive" />
          )}
        </Box>
        <FilesSubjectBody subject={subject} measuring={measuring} onlyCrossing={onlyCrossing} />
      </CardContent>
    </Card>
  );
}
