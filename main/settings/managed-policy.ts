// Pure schema shared with the IPC contract; see common/settings/managed-policy.schema.ts.
export * from '../../common/settings/managed-policy.schema';
