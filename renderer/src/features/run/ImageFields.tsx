import { memo } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { RunProblem } from '../../../../shared/model/run-container';
import { problemHelper, problemOn, type RunForm } from './run-form';

/** Props of the first fields: image (from the engine's tags or typed), name and command, their problems, and change. */
export interface ImageFieldsProps {
  image: string;
  name: string;
  command: string;
  imageTags: readonly string[];
  problems: readonly RunProblem[];
  disabled: boolean;
  /** Focus the image field (nothing chosen yet), else the name. */
  focusImage: boolean;
  onChange: (patch: Partial<RunForm>) => void;
}

function Fields({ image, name, command, imageTags, problems, disabled, focusImage, onChange }: ImageFieldsProps): React.JSX.Element {
  return (
    <>
      <Autocomplete
        freeSolo
        options={imageTags}
        inputValue={image}
        onInputChange={(_event, value) => onChange({ image: value })}
        disabled={disabled}
        renderInput={(params) => (
          <TextField
            {...params}
            size="small"
            label="Image"
            required
            autoFocus={focusImage}
            {...problemHelper(problemOn(problems, 'image'), 'A local image, e.g. nginx:1.27-alpine (pull others from the Images page).')}
            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false } }}
          />
        )}
      />
      <TextField
        size="small"
        label="Name"
        placeholder="a name the engine makes up"
        autoFocus={!focusImage}
        value={name}
        onChange={(event) => onChange({ name: event.target.value })}
        disabled={disabled}
        {...problemHelper(problemOn(problems, 'name'), 'Optional: letters, digits, "_", "." and "-".')}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <TextField
        size="small"
        label="Command"
        placeholder="the image’s own command"
        value={command}
        onChange={(event) => onChange({ command: event.target.value })}
        disabled={disabled}
        {...problemHelper(problemOn(problems, 'command'), 'Words split as a shell would, quotes kept together; run without a shell.')}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' } } }}
      />
    </>
  );
}

/** The image (an Autocomplete over the engine's tags that takes any reference), name and command fields; drawn again only when their props change. */
export const ImageFields = memo(Fields);
