import type { IssuerSource } from '../issuer';
import { managementApiIdentifier } from '../tenant/management-api';

/**
 * The stored name of the Management API audience. Its real identifier, `<issuer>api/v2/`, follows the
 * issuer, which may change between runs (`--port 0`, `--issuer`), so rows that name it (role permissions,
 * client grants) keep this key instead and survive an issuer change.
 */
export const MANAGEMENT_API_AUDIENCE_KEY = 'urn:gatehouse:management-api';

/** Translates API identifiers between the wire and the database. */
export interface AudienceKeys {
  /** The value to store for `identifier`. */
  toStored(identifier: string): string;
  /** The identifier to show for a stored value. */
  toWire(stored: string): string;
}

function currentIssuer(issuer: IssuerSource | undefined): string | undefined {
  try {
    return issuer?.get();
  } catch {
    // Before the server listens a derived issuer is unknown; the stored key then stands for itself.
    return undefined;
  }
}

/**
 * Maps the Management API's identifier to `MANAGEMENT_API_AUDIENCE_KEY` and back; every other identifier
 * is stored as it is. The key itself is accepted as input too, so the seed can name the Management API
 * before the issuer is known.
 */
export function audienceKeys(issuer: IssuerSource | undefined): AudienceKeys {
  return {
    toStored(identifier) {
      const known = currentIssuer(issuer);
      return known !== undefined && identifier === managementApiIdentifier(known)
        ? MANAGEMENT_API_AUDIENCE_KEY
        : identifier;
    },
    toWire(stored) {
      if (stored !== MANAGEMENT_API_AUDIENCE_KEY) return stored;
      const known = currentIssuer(issuer);
      return known === undefined ? stored : managementApiIdentifier(known);
    },
  };
}
