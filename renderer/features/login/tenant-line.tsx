import { Code } from '@mantine/core';
import classes from './tenant-line.module.css';

/** The server and client id in small print, so support staff can tell at a glance which tenant this is. */
export function TenantLine({ issuer, clientId }: { issuer: string; clientId: string }) {
  return (
    <dl className={classes.tenant}>
      <dt>Server</dt>
      <dd>
        <Code>{issuer}</Code>
      </dd>
      <dt>Client ID</dt>
      <dd>
        <Code>{clientId}</Code>
      </dd>
    </dl>
  );
}
