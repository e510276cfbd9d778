/**
 * Imported first by src/cli.ts, before anything loads graphql (graphql-js reads NODE_ENV once, when
 * its modules load): `serve`, the default command, runs in production mode unless NODE_ENV is set.
 */
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if ((command === undefined || command === 'serve') && process.env.NODE_ENV === undefined)
  process.env.NODE_ENV = 'production';
