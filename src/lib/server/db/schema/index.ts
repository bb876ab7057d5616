export * from './regions';
export * from './users';
export * from './files';
export * from './kims';
export * from './system';
export * from './posts';
export * from './campaigns';
