import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ApiCallInput } from '../../../common/ipc/api.contract';
import { apiMethods, emptyRequest, RequestForm, toApiCall, urlUnder } from './request-form';

export interface RequestBuilderProps {
  /** The profile's API base URL: every path is resolved under it. */
  baseUrl: string;
  /** A request to start from (a history entry); changing it refills the form. */
  initial?: RequestForm;
  isSending: boolean;
  onSend: (call: ApiCallInput, form: RequestForm) => void;
}

const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** Method, path, headers and a JSON body, each checked as it is typed; the token is main's to add. */
export function RequestBuilder({ baseUrl, initial, isSending, onSend }: RequestBuilderProps) {
  const { register, handleSubmit, reset, control, formState } = useForm<RequestForm>({
    resolver: zodResolver(RequestForm),
    defaultValues: initial ?? emptyRequest,
    mode: 'onChange',
  });
  useEffect(() => {
    if (initial !== undefined) reset(initial);
  }, [initial, reset]);
  const { errors } = formState;
  const path = useWatch({ control, name: 'path' });
  let target = baseUrl;
  try {
    target = urlUnder(baseUrl, path);
  } catch {
    // An unparseable path: the field's own error says so.
  }

  return (
    <form onSubmit={handleSubmit((form) => onSend(toApiCall(form, baseUrl), form))} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap">
          <NativeSelect label="Method" data={[...apiMethods]} w={120} {...register('method')} />
          <TextInput
            label="Path"
            description={`Sent to ${target}`}
            placeholder="userinfo"
            spellCheck={false}
            autoComplete="off"
            style={{ flex: 1 }}
            error={errors.path?.message}
            {...register('path')}
          />
        </Group>
        <Textarea
          label="Headers"
          description="One “Name: value” per line. Gatehouse adds your access token itself."
          autosize
          minRows={2}
          maxRows={6}
          spellCheck={false}
          styles={monospace}
          error={errors.headers?.message}
          {...register('headers')}
        />
        <Textarea
          label="JSON body"
          description="Leave empty for none; sent as application/json."
          autosize
          minRows={3}
          maxRows={12}
          spellCheck={false}
          styles={monospace}
          error={errors.body?.message}
          {...register('body')}
        />
        <Group>
          <Button type="submit" loading={isSending} disabled={!formState.isValid && formState.isDirty}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
