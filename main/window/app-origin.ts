/** The renderer is served from `app://gatehouse/…`: a real origin for CSP and IPC sender checks, unlike file://. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://gatehouse`;
