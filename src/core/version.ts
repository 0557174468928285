// Replaced at build time would be nicer; a constant keeps the bundle free of package.json reads.
export const TEND_VERSION = '0.1.0';
export const USER_AGENT = `tend/${TEND_VERSION}`;
