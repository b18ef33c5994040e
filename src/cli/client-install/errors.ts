/** A failure of `npm run client` that is told to the operator as it is, without a stack trace. */
export class InstallError extends Error {}
