import { Loader, Stack, Title } from '@mantine/core';

/** While the keychain restore runs: most people never see the login at all, so say what is happening. */
export function StartingScreen() {
  return (
    <Stack component="main" align="center" gap="sm" pt="xl">
      <Loader aria-hidden />
      <div role="status">
        <Title order={1} size="h3">
          Signing you in…
        </Title>
      </div>
    </Stack>
  );
}
