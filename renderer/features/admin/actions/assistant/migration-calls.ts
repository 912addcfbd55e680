import {
  adminCreateAction,
  adminDeleteAction,
  adminDeployAction,
  adminGetRule,
  adminListActions,
  adminListBindings,
  adminSetBindings,
  adminUpdateAction,
  adminUpdateRule,
} from '../../../../api/gatehouse';
import type { MigrationCalls } from './migration-change';

/** The migration's calls through the window's bridge to main (which holds the admin token). */
export const bridgeMigrationCalls: MigrationCalls = {
  getRule: adminGetRule,
  updateRule: adminUpdateRule,
  listActions: adminListActions,
  createAction: (action) => adminCreateAction({ ...action, supported_triggers: [{ id: 'post-login', version: 'v3' }] }),
  updateAction: adminUpdateAction,
  deployAction: adminDeployAction,
  deleteAction: adminDeleteAction,
  listBindings: adminListBindings,
  setBindings: adminSetBindings,
};
