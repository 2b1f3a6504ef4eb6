export * from './registry.js';
export * from './groups.js';
export * from './auth.js';
export * from './views.js';
