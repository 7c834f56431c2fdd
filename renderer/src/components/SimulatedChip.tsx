import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import ScienceOutlined from '@mui/icons-material/ScienceOutlined';

/** The app bar badge saying every WSL fact on screen comes from the simulated host, not from wsl.exe. */
export function SimulatedChip(): React.JSX.Element {
  return (
    <Tooltip describeChild title="The WSL host is simulated: nothing on this screen touches a real wsl.exe.">
      <Chip label="Simulated" size="small" color="warning" icon={<ScienceOutlined />} />
    </Tooltip>
  );
}
