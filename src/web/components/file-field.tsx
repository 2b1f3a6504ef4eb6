import { FormGroup } from 'nhsuk-react-components';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';

interface FileFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  accept?: string;
}

/**
 * An NHS form group (label, hint, error message) around a plain file input styled as
 * nhsuk-frontend styles one. Not the FileUpload component: its script rebuilds the input's markup
 * behind React's back, and the drop-zone button it creates fails axe's
 * label-content-name-mismatch rule (its accessible name is not its visible text).
 */
export const FileField = forwardRef<HTMLInputElement, FileFieldProps>(({ id, label, hint, error, accept }, ref) => (
  <FormGroup<ComponentPropsWithoutRef<'input'>, 'input'> id={id} name={id} label={label} hint={hint} error={error}>
    {({ error: hasError, ...props }) => <input ref={ref} type="file" accept={accept} className={hasError ? 'nhsuk-file-upload__input nhsuk-input--error' : 'nhsuk-file-upload__input'} {...props} />}
  </FormGroup>
));

FileField.displayName = 'FileField';
