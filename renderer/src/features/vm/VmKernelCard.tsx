import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { VmKernel } from '../../../../shared/model/vm';
import { FactList } from '../../components/FactList';

/** The running kernel's version and what `.wslconfig` overrides (custom kernel, command line). */
export function VmKernelCard({ kernel }: { kernel: VmKernel }): React.JSX.Element {
  return (
    <Card variant="outlined" component="section" aria-labelledby="vm-kernel-title">
      <CardContent>
        <Typography id="vm-kernel-title" variant="h6" component="h3" gutterBottom>
          Kernel
        </Typography>
        <FactList
          label="Kernel"
          facts={[
            { label: 'Version', value: kernel.version ?? 'Unknown until the VM runs' },
            { label: 'Custom kernel', value: kernel.customKernelPath ?? 'None (the kernel shipped with WSL)' },
            { label: 'Command line', value: kernel.commandLine === null || kernel.commandLine === '' ? 'Default' : <code>{kernel.commandLine}</code> },
          ]}
        />
      </CardContent>
    </Card>
  );
}
