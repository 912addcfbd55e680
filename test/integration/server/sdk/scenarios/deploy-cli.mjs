// The Auth0 Deploy CLI (auth0-deploy-cli, on node-auth0 ^6) through its documented programmatic API,
// configured like its CLI: AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET and the resource types to
// manage. It exports the tenant twice (YAML, directory) and imports a small YAML config; the test reads
// the exported files and checks the server through its own Management API.
import { deploy, dump } from 'auth0-deploy-cli';
import { requireEnv, runScenario, createRecorder } from './harness.mjs';

runScenario(async () => {
  const { step, steps } = createRecorder();
  const credentials = {
    AUTH0_DOMAIN: requireEnv('SDK_DOMAIN'),
    AUTH0_CLIENT_ID: requireEnv('M2M_CLIENT_ID'),
    AUTH0_CLIENT_SECRET: requireEnv('M2M_CLIENT_SECRET'),
  };
  const exportTypes = JSON.parse(requireEnv('EXPORT_TYPES'));
  const importTypes = JSON.parse(requireEnv('IMPORT_TYPES'));
  const done = () => ({});

  await step(
    'export.yaml',
    () =>
      dump({
        output_folder: requireEnv('YAML_EXPORT_DIR'),
        format: 'yaml',
        config: { ...credentials, AUTH0_INCLUDED_ONLY: exportTypes },
      }),
    done,
  );
  await step(
    'export.directory',
    () =>
      dump({
        output_folder: requireEnv('DIRECTORY_EXPORT_DIR'),
        format: 'directory',
        config: { ...credentials, AUTH0_INCLUDED_ONLY: exportTypes },
      }),
    done,
  );
  await step(
    'import.yaml',
    () =>
      deploy({
        input_file: requireEnv('IMPORT_FILE'),
        config: { ...credentials, AUTH0_INCLUDED_ONLY: importTypes },
      }),
    done,
  );
  return { steps };
});
