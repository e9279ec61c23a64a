export * from './community.js';
export * from './community-content.js';
export * from './community-messages.js';
export * from './platform.js';
export * from './registry.js';
export * from './registry-imports.js';
export * from './registry-outreach.js';
export * from './tenancy.js';
