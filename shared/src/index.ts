export * from './accounts';
export * from './batch';
export * from './contacts';
export * from './events';
export * from './guide';
export * from './outcomes';
export * from './signal';
export * from './triggers';
