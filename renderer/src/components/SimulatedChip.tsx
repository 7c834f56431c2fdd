import Chip from '@mui/material/Chip';
import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import { LazyTooltip } from './LazyTooltip';

/** The app bar badge saying every WSL fact on screen comes from the simulated host, not from wsl.exe. */
export function SimulatedChip(): React.JSX.Element {
  return (
    <LazyTooltip describeChild title="The WSL host is simulated: nothing on this screen touches a real wsl.exe.">
      <Chip label="Simulated" size="small" color="warning" icon={<ScienceOutlined />} />
    </LazyTooltip>
  );
}
