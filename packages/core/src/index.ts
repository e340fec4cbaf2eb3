export * from './adapter/v1/index';
export * from './envelope/v1/index';
export * from './errors/index';
export * from './http/index';
export * from './router/index';
export * from './store/index';
export * from './verify/index';
export { safeParseJson } from './utils/safe-parse-json';
export { VERSION } from './version';
