/** A connection's strategy in words: `auth0` is a database of users with passwords, the realms of this app. */
export function strategyWords(strategy: string): string {
  switch (strategy) {
    case 'auth0':
      return 'Database (username and password)';
    case 'email':
    case 'sms':
      return 'Passwordless';
    case 'ad':
    case 'ldap':
      return 'Active Directory / LDAP';
    default:
      return strategy;
  }
}
