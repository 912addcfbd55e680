import { describeNodeAuth0 } from './node-auth0-suite';

// node-auth0 v6 (the newest auth0@6 as `auth0-v6`) against the reference server over TLS.
describeNodeAuth0('v6');
