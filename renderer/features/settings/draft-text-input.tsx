import { TextInput, type TextInputProps } from '@mantine/core';
import { Controller, type Control, type FieldPathByValue } from 'react-hook-form';
import type { ProfileInput } from '../../../common/settings/profile.schema';
import type { ProfileDraft } from './profile-draft';

/** The profile form's react-hook-form control: a draft in, the contract's profile input out. */
export type ProfileFormControl = Control<ProfileDraft, unknown, ProfileInput>;

export type DraftTextPath = Exclude<FieldPathByValue<ProfileDraft, string>, `extra${string}`>;

export interface DraftTextInputProps extends Omit<TextInputProps, 'name' | 'value' | 'onChange' | 'error'> {
  control: ProfileFormControl;
  name: DraftTextPath;
  /** Runs after the field takes the new text (e.g. the profile id following the name). */
  onText?: (text: string) => void;
}

/**
 * One text field of the profile form, bound to the draft; the schema's complaint shows under it as it is typed.
 * `disabled` is given to the input only, never to react-hook-form, which would drop a disabled field's value.
 */
export function DraftTextInput({ control, name, onText, ...props }: DraftTextInputProps) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          {...props}
          ref={field.ref}
          name={field.name}
          value={field.value}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
          onChange={(event) => {
            const text = event.currentTarget.value;
            field.onChange(text);
            onText?.(text);
          }}
        />
      )}
    />
  );
}
