import { describeNodeAuth0 } from './node-auth0-suite';

// node-auth0 v4 (auth0@4.37.1 as `auth0-v4`) against the reference server over TLS.
describeNodeAuth0('v4');
