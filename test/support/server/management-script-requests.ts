import fc from 'fast-check';
import { demo } from './demo-tenant';
import type { GeneratedRequest } from './management-arbitraries';
import {
  anyString,
  anyValue,
  body,
  idFrom,
  ids,
  known,
  maybe,
  ruleScript,
  scopeName,
  trigger,
  tryCode,
  tryScript,
} from './management-arbitraries';

/** Generated requests for the other write routes: rules, actions, dry runs, grants, attack protection. */
export const scriptWriteRequests: readonly [string, fc.Arbitrary<GeneratedRequest>][] = [
  [
    'POST /rules',
    body({
      name: maybe(fc.stringMatching(/^[a-z][a-z ]{0,8}[a-z]$/)),
      script: maybe(ruleScript),
      order: maybe(fc.integer({ min: -2, max: 50 })),
      enabled: maybe(fc.boolean()),
      stage: anyValue,
    }).map((b) => ({ method: 'POST', url: '/rules', body: b })),
  ],
  [
    'PATCH /rules/:id',
    fc
      .tuple(
        idFrom(() => ids.rules),
        body({
          name: anyString,
          script: maybe(ruleScript),
          order: maybe(fc.integer({ min: -2, max: 50 })),
          enabled: anyValue,
        }),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/rules/${id}`, body: b })),
  ],
  ['DELETE /rules/:id', idFrom(() => ids.rules).map((id) => ({ method: 'DELETE', url: `/rules/${id}` }))],
  [
    'POST /rules/:id/history/:revision/restore',
    fc
      .tuple(
        idFrom(() => ids.rules),
        fc.oneof(fc.nat(), fc.string()),
      )
      .map(([id, revision]) => ({
        method: 'POST',
        url: `/rules/${id}/history/${encodeURIComponent(String(revision))}/restore`,
      })),
  ],
  [
    'POST /rules/try',
    fc
      .oneof(
        {
          weight: 1,
          arbitrary: fc.record({
            user_id: known(() => ids.users),
            client_id: fc.constantFrom('gatehouse-desktop', 'gatehouse-backend'),
            script: tryScript,
          }),
        },
        {
          weight: 4,
          arbitrary: body({
            user_id: maybe(known(() => ids.users)),
            client_id: maybe(fc.constantFrom('gatehouse-desktop', 'ghost')),
            script: maybe(tryScript),
            rule_id: fc.oneof(
              known(() => ids.rules),
              anyValue,
            ),
            pipeline: anyValue,
            scope: anyValue,
            protocol: anyValue,
            audience: anyValue,
          }),
        },
      )
      .map((b) => ({ method: 'POST', url: '/rules/try', body: b })),
  ],
  [
    'POST /actions/actions/try',
    fc
      .oneof(
        {
          weight: 1,
          arbitrary: fc.record({
            user_id: known(() => ids.users),
            client_id: fc.constantFrom('gatehouse-desktop', 'gatehouse-backend'),
            code: tryCode,
          }),
        },
        {
          weight: 4,
          arbitrary: body({
            user_id: maybe(known(() => ids.users)),
            client_id: maybe(fc.constantFrom('gatehouse-desktop', 'gatehouse-backend')),
            code: maybe(tryCode),
            action_id: fc.oneof(
              known(() => ids.actions),
              anyValue,
            ),
            secrets: anyValue,
            pipeline: maybe(fc.boolean()),
            connection: anyValue,
          }),
        },
      )
      .map((b) => ({ method: 'POST', url: '/actions/actions/try', body: b })),
  ],
  [
    'POST /actions/actions',
    fc
      .oneof(
        {
          weight: 1,
          arbitrary: fc.record(
            {
              name: fc.string({ minLength: 1, maxLength: 12 }),
              supported_triggers: fc.constant([{ id: 'post-login', version: 'v3' }]),
              code: fc.constantFrom('', 'exports.onExecutePostLogin = async () => {};'),
              deploy: fc.boolean(),
              secrets: maybe(fc.array(fc.record({ name: fc.constantFrom('KEY', 'OTHER'), value: fc.string() }))),
            },
            { requiredKeys: ['name', 'supported_triggers'] },
          ),
        },
        {
          weight: 4,
          arbitrary: body({
            name: anyString,
            supported_triggers: maybe(fc.array(trigger, { maxLength: 2 })),
            code: anyValue,
            runtime: maybe(fc.constantFrom('node22', 'node8')),
            secrets: maybe(
              fc.array(
                fc.record({ name: fc.constantFrom('KEY', 'bad name'), value: anyValue }, { requiredKeys: ['name'] }),
              ),
            ),
            deploy: anyValue,
          }),
        },
      )
      .map((b) => ({ method: 'POST', url: '/actions/actions', body: b })),
  ],
  [
    'PATCH /actions/actions/:id',
    fc
      .tuple(
        idFrom(() => ids.actions),
        body({
          name: anyString,
          code: anyValue,
          supported_triggers: anyValue,
          dependencies: anyValue,
          secrets: anyValue,
        }),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/actions/actions/${id}`, body: b })),
  ],
  [
    'DELETE /actions/actions/:id',
    fc
      .tuple(
        idFrom(() => ids.actions),
        fc.constantFrom('', '?force=true', '?force=maybe'),
      )
      .map(([id, q]) => ({ method: 'DELETE', url: `/actions/actions/${id}${q}` })),
  ],
  [
    'POST /actions/actions/:id/deploy',
    idFrom(() => ids.actions).map((id) => ({ method: 'POST', url: `/actions/actions/${id}/deploy` })),
  ],
  [
    'POST /actions/actions/:id/versions/:vid/deploy',
    fc
      .tuple(
        idFrom(() => ids.actions),
        idFrom(() => ids.versions),
      )
      .map(([id, vid]) => ({ method: 'POST', url: `/actions/actions/${id}/versions/${vid}/deploy` })),
  ],
  [
    'PATCH /actions/triggers/:trigger/bindings',
    fc
      .tuple(
        fc.constantFrom('post-login', 'ghost'),
        body({
          bindings: maybe(
            fc.array(
              fc.record(
                {
                  ref: maybe(
                    fc.record({
                      type: fc.constantFrom('action_id', 'action_name', 'x'),
                      value: fc.oneof(
                        fc.oneof(
                          known(() => ids.actions),
                          fc.constant('prop action'),
                        ),
                        anyString,
                      ),
                    }),
                  ),
                  display_name: anyValue,
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
          ),
        }),
      )
      .map(([trigger, b]) => ({ method: 'PATCH', url: `/actions/triggers/${trigger}/bindings`, body: b })),
  ],
  [
    'POST /client-grants',
    body({
      client_id: maybe(fc.constantFrom('gatehouse-backend', 'gatehouse-admin-m2m', 'ghost')),
      audience: maybe(fc.constantFrom(demo.audience, 'https://nowhere.test/')),
      scope: maybe(fc.array(scopeName, { maxLength: 3 })),
    }).map((b) => ({ method: 'POST', url: '/client-grants', body: b })),
  ],
  [
    'PATCH /client-grants/:id',
    fc
      .tuple(
        idFrom(() => ids.clientGrants),
        body({ scope: maybe(fc.array(scopeName, { maxLength: 3 })) }),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/client-grants/${id}`, body: b })),
  ],
  [
    'DELETE /client-grants/:id',
    idFrom(() => ids.clientGrants.filter((id) => id !== ids.m2mGrant)).map((id) => ({
      method: 'DELETE',
      url: `/client-grants/${id}`,
    })),
  ],
  [
    'DELETE /anomaly/blocks/ips/:ip',
    fc
      .oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 }))
      .map((ip) => ({ method: 'DELETE', url: `/anomaly/blocks/ips/${encodeURIComponent(ip)}` })),
  ],
  [
    'PATCH /attack-protection/brute-force-protection',
    body({
      enabled: maybe(fc.boolean()),
      max_attempts: maybe(fc.integer({ min: -5, max: 200 })),
      allowlist: maybe(fc.array(fc.constantFrom('10.0.0.0/8', '::1', 'nope'))),
      mode: anyValue,
      shields: anyValue,
    }).map((b) => ({ method: 'PATCH', url: '/attack-protection/brute-force-protection', body: b })),
  ],
  [
    'PATCH /attack-protection/suspicious-ip-throttling',
    body({
      enabled: maybe(fc.boolean()),
      stage: maybe(
        fc.record(
          {
            'pre-login': maybe(
              fc.record({ max_attempts: maybe(fc.integer()), rate: maybe(fc.integer()) }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      allowlist: anyValue,
    }).map((b) => ({ method: 'PATCH', url: '/attack-protection/suspicious-ip-throttling', body: b })),
  ],
  [
    'PATCH /attack-protection/breached-password-detection',
    body({
      enabled: maybe(fc.boolean()),
      method: maybe(fc.constantFrom('standard', 'enhanced')),
      shields: anyValue,
    }).map((b) => ({ method: 'PATCH', url: '/attack-protection/breached-password-detection', body: b })),
  ],
];
