// Where `wrangler dev` and `npm start` keep the local D1, R2 and cache when
// no --persist-to is given.
export const DEFAULT_STATE = ".wrangler/state";
