export * from './registry.js';
export * from './groups.js';
export * from './auth.js';
export * from './views.js';
export * from './schemes.js';
export * from './quality.js';
