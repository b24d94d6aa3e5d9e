/**
 * What astro.config.mjs takes from the builder's TypeScript, in one entry
 * so that it is bundled once and imported natively (./native-config.mjs).
 */
export { default as course } from './course';
export { quietKnownLogs } from './quiet-logs';
